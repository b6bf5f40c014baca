import type { FileKind, PresenceUser } from '@affluents/contracts';
import { FICHE_FRAGMENT, ficheExtensions } from '@affluents/editor';
import type { AnyExtension, Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentConnection } from '../../../realtime/document-connection';
import { FileEditingContext, withFileViews } from '../../files/FileNodeViews';
import { type FileEditorHandlers, fileEditorExtensions } from '../../files/file-extensions';
import { useFicheFilesEditing } from '../../files/use-fiche-files-editing';
import { useSlashMenu } from '../formatting/slash-menu';
import { memberMentionSuggestion } from '../mentions/mention-suggestion';
import { useMentionableMembers } from '../mentions/use-mentionable-members';
import { EditorToolbar } from './EditorToolbar';
import editorStyles from './fiche-editor.module.css';

/** Words the authors wrote: the template's section titles do not count. */
export function writtenWords(doc: PMNode): number {
  let words = 0;
  doc.descendants((node) => {
    if (node.type.name === 'heading' && node.attrs.section) return false;
    if (!node.isTextblock) return true;
    words += node.textContent.split(/\s+/).filter(Boolean).length;
    return false;
  });
  return words;
}

interface FicheEditorProps {
  connection: DocumentConnection;
  user: PresenceUser;
  /** Writers once the text is loaded; readers never (the server would drop their changes). */
  editable: boolean;
  showToolbar: boolean;
  /** Accessible name of the text area. */
  label: string;
  /** Connection status and avatars, shown beside the toolbar. */
  status: ReactNode;
  onReady?: (editor: Editor | null) => void;
  /** The fiche the text belongs to: its writers put images and files in it. */
  ficheId?: string;
  /** Editor extensions of features beside the text (comment highlights), read once per document. */
  extraExtensions?: AnyExtension[];
  /** More tools in the editor's bar (e.g. "Commenter"). */
  tools?: ReactNode;
  /** Overlays bound to the editor (e.g. the selection's bubble menu). */
  children?: ReactNode;
}

/** The shared text of a fiche: Tiptap bound to the Yjs document, with everyone's caret and a word count. */
export function FicheEditor({
  connection,
  user,
  editable,
  showToolbar,
  label,
  status,
  onReady,
  ficheId,
  extraExtensions = [],
  tools,
  children,
}: FicheEditorProps) {
  const { t } = useTranslation();
  // Writers mention the fiche group's members after `@`; readers only see the mentions as chips.
  const members = useMentionableMembers(connection, user.id, editable);
  // Read at each drop, paste and key press: the extensions are built once per document.
  const fileHandlers = useRef<FileEditorHandlers | null>(null);
  // The file picker is the files feature's (set below, once the editor exists); the tools only open it.
  const filePicker = useRef<((kind: FileKind) => void) | null>(null);
  const pickFiles = useCallback((kind: FileKind) => filePicker.current?.(kind), []);
  // The toolbar and the "/" menu offer images and files where the text belongs to a fiche.
  const onPickFiles = ficheId ? pickFiles : undefined;
  const slashMenu = useSlashMenu({ pickFiles: onPickFiles, mentions: true });
  const editor = useEditor(
    {
      extensions: [
        ...withFileViews(
          ficheExtensions({
            mentionSuggestion: memberMentionSuggestion({
              members: () => members.current,
              label: t('fiches.mention.listLabel'),
            }),
          }),
        ),
        ...fileEditorExtensions(() => fileHandlers.current),
        Collaboration.configure({ document: connection.doc, field: FICHE_FRAGMENT }),
        CollaborationCaret.configure({ provider: connection.provider, user }),
        slashMenu,
        ...extraExtensions,
      ],
      editable,
      editorProps: {
        attributes: {
          class: `fiche-editor__content ${editorStyles.editorContent}`,
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
    editor.setEditable(editable, false);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    onReady?.(editor);
    return () => onReady?.(null);
  }, [editor, onReady]);

  const words = useEditorState({ editor, selector: ({ editor: e }) => writtenWords(e.state.doc) });
  const files = useFicheFilesEditing({ editor, ficheId, editable });
  fileHandlers.current = files.handlers;
  filePicker.current = files.pick;

  return (
    <FileEditingContext.Provider value={files.editing}>
      <div className={editorStyles.editor}>
        <div className={editorStyles.editorBar}>
          {showToolbar && <EditorToolbar editor={editor} isDisabled={!editable} onPickFiles={onPickFiles} />}
          <div className={editorStyles.editorMeta}>
            {tools}
            <div className={editorStyles.editorStatus}>{status}</div>
          </div>
          {/* In the bar, which stays in view: a file dropped far down the text still shows its progress. */}
          {files.tray}
        </div>
        <EditorContent editor={editor} className={`fiche-editor__body ${editorStyles.editorBody}`} />
        {children}
        {files.overlays}
        <p className={editorStyles.editorCount}>{t('fiches.editor.words', { count: words })}</p>
      </div>
    </FileEditingContext.Provider>
  );
}
