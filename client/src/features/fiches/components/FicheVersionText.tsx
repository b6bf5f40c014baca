import { FICHE_FRAGMENT, ficheExtensions } from '@affluents/editor';
import { removeUnwrittenSections } from '@affluents/editor/template';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import * as Y from 'yjs';
import { withFileViews } from '../../files/FileNodeViews';
import editorStyles from './fiche-editor.module.css';
import versionStyles from './fiche-versions.module.css';

/** The bytes of a Yjs update sent base64-encoded by the API. */
export function decodeUpdate(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

interface FicheVersionTextProps {
  /** The version's document as one Yjs update, base64-encoded. */
  update: string;
  /** Accessible name of the text. */
  label: string;
  /** Leave out the optional sections nobody wrote, as the PDF does (the published fiche). */
  writtenOnly?: boolean;
}

/**
 * A frozen version's text, rendered by Tiptap from its own Yjs document: read-only, with no server connection
 * and no carets (nobody else is in this copy).
 */
export function FicheVersionText({ update, label, writtenOnly = false }: FicheVersionTextProps) {
  const doc = useMemo(() => {
    const d = new Y.Doc();
    Y.applyUpdate(d, decodeUpdate(update));
    // This copy is the page's own (no provider): removing blocks from it changes nothing elsewhere.
    if (writtenOnly) removeUnwrittenSections(d);
    return d;
  }, [update, writtenOnly]);
  useEffect(() => () => doc.destroy(), [doc]);

  const editor = useEditor(
    {
      extensions: [
        ...withFileViews(ficheExtensions().filter((extension) => extension.name !== 'placeholder')),
        Collaboration.configure({ document: doc, field: FICHE_FRAGMENT }),
      ],
      editable: false,
      editorProps: {
        attributes: {
          class: `fiche-editor__content fiche-version__content ${editorStyles.editorContent}`,
          role: 'article',
          'aria-label': label,
        },
      },
    },
    [doc],
  );

  return (
    <div className={`${editorStyles.editor} ${versionStyles.ficheVersionText}`}>
      <EditorContent editor={editor} className={`fiche-editor__body ${editorStyles.editorBody}`} />
    </div>
  );
}
