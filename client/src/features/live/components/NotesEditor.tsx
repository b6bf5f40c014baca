import type { PresenceUser } from '@affluents/contracts';
import { FICHE_FRAGMENT, ficheExtensions } from '@affluents/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useEffect } from 'react';
import type { DocumentConnection } from '../../../realtime/document-connection';
import { EditorToolbar } from '../../fiches/components/EditorToolbar';
import editorStyles from '../../fiches/components/fiche-editor.module.css';
import { useSlashMenu } from '../../fiches/formatting/slash-menu';
import styles from '../live.module.css';
import { type PassageRefusal, type SelectedPassage, selectedPassage } from '../passage';

interface NotesEditorProps {
  connection: DocumentConnection;
  user: PresenceUser;
  /** Writers once the text is loaded; readers never (the server would drop their changes). */
  editable: boolean;
  /** Accessible name of the text area. */
  label: string;
  /** Connection status and avatars, shown beside the toolbar. */
  status: ReactNode;
  /** Told of each change of selection, as a passage that may be proposed for replacement. */
  onSelectPassage?: (selected: SelectedPassage | PassageRefusal | null) => void;
}

/**
 * The meeting.s shared notes (`meeting-notes:<id>`): the fiche's rich-text schema bound to the Yjs document,
 * with everyone's caret, but free text (no template sections). They become the draft of the minutes.
 */
export function NotesEditor({
  connection,
  user,
  editable,
  label,
  status,
  onSelectPassage,
}: NotesEditorProps) {
  // The notes have no member list to mention, nor files.
  const slashMenu = useSlashMenu({ mentions: false });
  const editor = useEditor(
    {
      extensions: [
        ...ficheExtensions(),
        Collaboration.configure({ document: connection.doc, field: FICHE_FRAGMENT }),
        CollaborationCaret.configure({ provider: connection.provider, user }),
        slashMenu,
      ],
      editable,
      editorProps: {
        attributes: {
          class: `fiche-editor__content ${editorStyles.editorContent} live-notes__content ${styles.notesContent}`,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
        },
      },
    },
    // The user and the label are read once: a new editor per document only.
    [connection],
  );

  useEffect(() => {
    if (!onSelectPassage) return;
    const tell = () => onSelectPassage(selectedPassage(editor.state));
    editor.on('selectionUpdate', tell);
    return () => {
      editor.off('selectionUpdate', tell);
    };
  }, [editor, onSelectPassage]);

  useEffect(() => {
    editor.setEditable(editable, false);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  return (
    <div className={`${editorStyles.editor} ${styles.notes}`}>
      <div className={editorStyles.editorBar}>
        {editable && <EditorToolbar editor={editor} />}
        <div className={editorStyles.editorStatus}>{status}</div>
      </div>
      <EditorContent editor={editor} className={`fiche-editor__body ${editorStyles.editorBody}`} />
    </div>
  );
}
