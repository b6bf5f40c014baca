import { fileDisplayPath, fileDownloadPath, formatByteSize } from '@affluents/contracts';
import { mergeAttributes, Node } from '@tiptap/core';
import { FILE_NODE, IMAGE_NODE, validFileId } from './template/files';

export interface FicheImageAttributes {
  fileId: string;
  /**
   * What the image shows, for people who do not see it; '' marks a decorative image, null an image nobody
   * has described yet (the editor asks for a description).
   */
  alt: string | null;
  width: number | null;
  height: number | null;
}

export interface FicheFileAttributes {
  fileId: string;
  name: string;
  mediaType: string;
  byteSize: number;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    ficheImage: {
      /** Inserts an uploaded image at the selection. */
      insertFicheImage: (attributes: FicheImageAttributes) => ReturnType;
      /** Sets the alt text of the image with this file id ('' for a decorative image). */
      setFicheImageAlt: (fileId: string, alt: string) => ReturnType;
    };
    ficheFile: {
      /** Inserts an uploaded file (a download card) at the selection. */
      insertFicheFile: (attributes: FicheFileAttributes) => ReturnType;
    };
  }
}

const numberOrNull = (value: string | null) => {
  const parsed = value === null ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
};

/**
 * An image of the fiche: a block atom pointing at a stored file. Rendered from the file store's screen
 * version; an invalid id renders no source at all (a peer cannot make readers load another address).
 */
export const FicheImage = Node.create({
  name: IMAGE_NODE,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      fileId: { default: null, parseHTML: (element) => element.getAttribute('data-file-id') },
      alt: {
        default: null,
        parseHTML: (element) =>
          element.hasAttribute('data-undescribed') ? null : (element.getAttribute('alt') ?? ''),
      },
      width: { default: null, parseHTML: (element) => numberOrNull(element.getAttribute('width')) },
      height: { default: null, parseHTML: (element) => numberOrNull(element.getAttribute('height')) },
    };
  },

  parseHTML() {
    return [{ tag: 'img[data-file-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const fileId = validFileId(node.attrs.fileId);
    const { fileId: _ignored, ...rest } = HTMLAttributes;
    return [
      'img',
      mergeAttributes(rest, {
        class: 'fiche-image',
        'data-file-id': fileId ?? '',
        src: fileId ? fileDisplayPath(fileId) : undefined,
        alt: typeof node.attrs.alt === 'string' ? node.attrs.alt : '',
        // Kept through copy and paste, so that the editor still asks for a description.
        'data-undescribed': typeof node.attrs.alt === 'string' ? undefined : '',
        loading: 'lazy',
      }),
    ];
  },

  addCommands() {
    return {
      insertFicheImage:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: attributes }),
      setFicheImageAlt:
        (fileId, alt) =>
        ({ tr, state, dispatch }) => {
          let found = false;
          state.doc.descendants((node, pos) => {
            if (node.type.name === this.name && node.attrs.fileId === fileId) {
              found = true;
              if (dispatch) tr.setNodeMarkup(pos, undefined, { ...node.attrs, alt });
            }
          });
          return found;
        },
    };
  },
});

/** A file attached in the text: a block atom rendered as a download link with its name and size. */
export const FicheFile = Node.create({
  name: FILE_NODE,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      fileId: { default: null, parseHTML: (element) => element.getAttribute('data-file-id') },
      name: { default: '', parseHTML: (element) => element.getAttribute('data-name') ?? element.textContent },
      mediaType: { default: '', parseHTML: (element) => element.getAttribute('data-media-type') ?? '' },
      byteSize: {
        default: 0,
        parseHTML: (element) => numberOrNull(element.getAttribute('data-byte-size')) ?? 0,
      },
    };
  },

  parseHTML() {
    return [{ tag: 'a[data-file-id]' }];
  },

  renderHTML({ node }) {
    const fileId = validFileId(node.attrs.fileId);
    const name = typeof node.attrs.name === 'string' ? node.attrs.name : '';
    const size = typeof node.attrs.byteSize === 'number' ? node.attrs.byteSize : 0;
    return [
      'a',
      {
        class: 'fiche-file',
        'data-file-id': fileId ?? '',
        'data-name': name,
        'data-media-type': String(node.attrs.mediaType ?? ''),
        'data-byte-size': String(size),
        href: fileId ? fileDownloadPath(fileId) : undefined,
        download: name || undefined,
      },
      `${name}${size ? ` (${formatByteSize(size)})` : ''}`,
    ];
  },

  addCommands() {
    return {
      insertFicheFile:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: attributes }),
    };
  },
});
