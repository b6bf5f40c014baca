import type { Messages } from './fr';
import type { frFiles } from './fr-files';

/** English strings of images and files in a fiche (same keys as the French file). */
export const enFiles: Messages<typeof frFiles> = {
  tray: {
    label: 'File uploads',
    progress: 'Uploading “{{name}}”',
    processing: 'Saving…',
    cancel: 'Cancel upload',
    cancelNamed: 'Cancel the upload of “{{name}}”',
    dismiss: 'Close',
    dismissNamed: 'Close the message about “{{name}}”',
    insertedImage: 'The image “{{name}}” is in the text.',
    insertedFile: 'The file “{{name}}” is in the text.',
  },
  refused: {
    type: 'File type refused: only images (JPEG, PNG, WebP, GIF) and PDF, Word, Excel, PowerPoint or OpenDocument documents are accepted.',
    tooLarge: 'File too large: {{size}}, the limit is {{max}} per file.',
    ficheFull:
      'Not enough space left in this fiche: {{free}} left of {{max}}. Remove files from the fiche or choose a lighter file.',
  },
  attach: {
    button: 'Attach a file or an image',
    short: 'Attach',
    picker: 'Choose the files to attach',
    list: 'Attached files',
    remove: 'Remove',
    removeNamed: 'Remove “{{name}}”',
    type: 'Attached files: “{{name}}” is not of an accepted type (JPEG, PNG, WebP, GIF images, PDF, Word, Excel, PowerPoint or OpenDocument documents).',
    tooLarge: 'Attached files: “{{name}}” weighs {{size}}, the limit is {{max}} per file.',
    tooMany: 'Attached files: {{max}} at most at a time.',
    wait: 'Wait until the files are uploaded.',
  },
  attached: {
    images: 'Attached images',
    documents: 'Attached documents',
    openImage: 'Open the image “{{name}}” in a new tab',
    preview: 'Preview',
    previewNamed: 'Preview of “{{name}}” (new tab)',
  },
  meeting: {
    title: 'Meeting documents',
    agenda: 'For the agenda',
    minutes: 'For the minutes',
    empty: 'No document.',
    removeNamed: 'Remove “{{name}}” from the meeting',
  },
  picker: {
    image: 'Choose an image',
    document: 'Choose a file',
  },
  image: {
    missing: 'Image not found',
    addAlt: 'Add a description',
    editAlt: 'Edit the description',
    decorative: 'Decorative image',
  },
  altDialog: {
    title: 'Image description',
    label: 'Describe the image for people who cannot see it',
    help: 'What it shows and why it is there, in one or two sentences.',
    decorative: 'Decorative image (no description)',
    decorativeHelp: 'Screen readers will skip the image.',
    required: 'Describe the image, or tick “Decorative image”.',
    save: 'Save',
    later: 'Later',
  },
  file: {
    download: 'Download',
    downloadNamed: 'Download “{{name}}” ({{size}})',
    label: '{{type}}, {{size}}',
    types: {
      pdf: 'PDF document',
      word: 'Word document',
      excel: 'Excel workbook',
      powerpoint: 'PowerPoint presentation',
      odt: 'OpenDocument text',
      ods: 'OpenDocument spreadsheet',
      odp: 'OpenDocument presentation',
      other: 'File',
    },
  },
};
