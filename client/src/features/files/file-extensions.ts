import { IMAGE_NODE } from '@affluents/editor';
import { type Editor, Extension } from '@tiptap/core';
import FileHandler from '@tiptap/extension-file-handler';
import { NodeSelection } from '@tiptap/pm/state';

export interface FileEditorHandlers {
  /** Files dropped at `pos` or pasted at the caret (`pos` undefined). */
  onFiles: (files: File[], pos?: number) => void;
  /** The writer asks to describe the selected image (Enter on it). */
  onDescribe: (fileId: string) => void;
}

/** Text worth keeping in pasted HTML: a copied passage, not just the markup around a copied picture. */
function hasText(html: string): boolean {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return (body.textContent ?? '').trim().length > 0;
}

/**
 * The editor side of files in a fiche: dropped and pasted files go to `onFiles` (Tiptap's file handler), and
 * Enter on a selected image opens its description. A paste of text that also carries pictures (a passage
 * copied from a word processor comes with an image of itself) is pasted as text.
 * `handlers` is read at each event, so that the extensions are built once per editor.
 */
export function fileEditorExtensions(handlers: () => FileEditorHandlers | null) {
  return [
    FileHandler.configure({
      consumePasteEvent: true,
      onDrop: (_editor, files, pos) => handlers()?.onFiles(files, pos),
      onPaste: (editor, files, html) => {
        if (html && hasText(html)) {
          editor.view.pasteHTML(html);
          return;
        }
        handlers()?.onFiles(files);
      },
    }),
    Extension.create({
      name: 'ficheImageDescription',
      addKeyboardShortcuts() {
        const describeSelected = ({ editor }: { editor: Editor }) => {
          const { selection } = editor.state;
          if (!editor.isEditable || !(selection instanceof NodeSelection)) return false;
          if (selection.node.type.name !== IMAGE_NODE) return false;
          const current = handlers();
          if (!current || typeof selection.node.attrs.fileId !== 'string') return false;
          current.onDescribe(selection.node.attrs.fileId);
          return true;
        };
        return { Enter: describeSelected };
      },
    }),
  ];
}
