import { ficheExtensions } from '@affluents/editor';
import { act } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { renderWithProviders } from '../../../test/render';
import { EditorToolbar } from '../components/EditorToolbar';
import type { PickFiles } from './commands';
import { useSlashMenu } from './slash-menu';

/** The fiche's schema in a plain editor (no shared document), with the toolbar and the "/" menu, for tests. */
function TestEditor({
  content,
  onPickFiles,
  onReady,
}: {
  content: string;
  onPickFiles?: PickFiles;
  onReady: (editor: Editor) => void;
}) {
  const slashMenu = useSlashMenu({ pickFiles: onPickFiles, mentions: true });
  const editor = useEditor({
    extensions: [...ficheExtensions(), slashMenu],
    content,
    editorProps: { attributes: { role: 'textbox', 'aria-label': 'Texte de la fiche' } },
  });
  useEffect(() => onReady(editor), [editor, onReady]);
  return (
    <>
      <EditorToolbar editor={editor} onPickFiles={onPickFiles} />
      <EditorContent editor={editor} />
    </>
  );
}

export function renderTestEditor(content: string, options: { onPickFiles?: PickFiles } = {}) {
  let editor: Editor | null = null;
  renderWithProviders(
    <TestEditor
      content={content}
      onPickFiles={options.onPickFiles}
      onReady={(e) => {
        editor = e;
      }}
    />,
  );
  if (!editor) throw new Error('the editor did not start');
  const ready = editor as Editor;
  return {
    editor: ready,
    /** Sends a key to the text, as the browser does when it has the focus. */
    press(key: string) {
      act(() => {
        ready.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
    },
    /** Puts the caret at the end of the block that contains `text` and types `typed` there. */
    typeAfter(text: string, typed: string) {
      act(() => {
        let end = -1;
        ready.state.doc.descendants((node, pos) => {
          if (node.isTextblock && node.textContent.includes(text)) end = pos + node.nodeSize - 1;
        });
        ready.chain().focus().setTextSelection(end).insertContent(typed).run();
      });
    },
  };
}
