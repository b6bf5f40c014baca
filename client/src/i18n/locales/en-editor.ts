import type { Messages } from './fr';
import type { frEditor } from './fr-editor';

/** English strings of the editor's formatting tools (same keys as the French file). */
export const enEditor: Messages<typeof frEditor> = {
  toolbar: 'Formatting',
  style: 'Style',
  styleOf: 'Style: {{style}}',
  sectionHeading: 'Section title',
  sectionHeadingHelp: 'The template’s section titles keep their style.',
  more: 'More',
  moreLabel: 'More formatting tools',
  withShortcut: '{{label}} ({{shortcut}})',
  keys: { ctrl: 'Ctrl', cmd: 'Cmd', alt: 'Alt', option: 'Option', shift: 'Shift' },
  commands: {
    paragraph: { label: 'Text', description: 'An ordinary paragraph', keywords: 'text paragraph normal' },
    heading2: {
      label: 'Section heading',
      description: 'A large heading for a new part',
      keywords: 'heading title section large h2',
    },
    heading3: {
      label: 'Subheading',
      description: 'A medium heading within a part',
      keywords: 'subheading heading medium h3',
    },
    heading4: { label: 'Small heading', description: 'A small heading', keywords: 'small heading h4' },
    bold: { label: 'Bold', description: 'Make words bold', keywords: 'bold' },
    italic: { label: 'Italic', description: 'Make words italic', keywords: 'italic' },
    bulletList: { label: 'Bulleted list', description: 'A simple list', keywords: 'list bullets' },
    orderedList: {
      label: 'Numbered list',
      description: 'A 1, 2, 3… list',
      keywords: 'list numbered numbers steps',
    },
    taskList: {
      label: 'Checklist',
      description: 'Tasks to tick once done',
      keywords: 'list checklist tasks todo',
    },
    link: { label: 'Link', description: 'A link to a web page', keywords: 'link address web url' },
    table: {
      label: 'Table',
      description: 'A table of 3 rows and 3 columns',
      keywords: 'table grid columns rows',
    },
    blockquote: {
      label: 'Quote',
      description: 'Someone’s words, indented',
      keywords: 'quote testimony indent',
    },
    horizontalRule: {
      label: 'Divider',
      description: 'A line between two parts',
      keywords: 'divider separator line rule',
    },
    image: { label: 'Image', description: 'A photo or an illustration', keywords: 'image photo picture' },
    file: {
      label: 'File',
      description: 'An attached document (PDF, spreadsheet…)',
      keywords: 'file document attachment pdf',
    },
    mention: {
      label: 'Mention someone',
      description: 'Notify a member of the group',
      keywords: 'mention person member at @',
    },
  },
  table: {
    toolbar: 'Table tools',
    addRowAfter: 'New row',
    addColumnAfter: 'New column',
    deleteRow: 'Remove the row',
    deleteColumn: 'Remove the column',
    deleteTable: 'Delete the table',
  },
  slash: {
    hint: 'Type to filter',
    keysHint: 'Enter to choose, Escape to close',
    label: 'Insert an element',
  },
  help: {
    open: 'Formatting help',
    title: 'Formatting help',
    slashTitle: 'The “/” menu',
    slashText:
      'At the start of a line, or after a space, type “/”: a menu offers headings, lists, table, quote, divider and mention. Type a few letters to filter (“/tab” for Table), choose with the arrow keys and Enter; Escape closes the menu.',
    mentionText: 'Type “@” followed by a first name to mention a member of the group: they are notified.',
    shortcutsTitle: 'Keyboard shortcuts',
    typingTitle: 'While typing',
    action: 'Action',
    keys: 'Keys',
    typed: 'Type',
    typedHeading: '“##” then a space',
    typedBullet: '“-” then a space',
    typedOrdered: '“1.” then a space',
    typedTask: '“[ ]” then a space',
    typedQuote: '“>” then a space',
    typedRule: '“---”',
  },
};
