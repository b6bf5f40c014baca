import { FICHE_FRAGMENT, ficheExtensions } from '@affluents/editor';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { selectedPassage } from './passage';

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

/** A read-only notes editor bound to `doc`, as the minutes page shows it to an attendee. */
function notesEditor(doc: Y.Doc): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...ficheExtensions(), Collaboration.configure({ document: doc, field: FICHE_FRAGMENT })],
    editable: false,
  });
  editors.push(editor);
  return editor;
}

/** The ProseMirror position where `text` starts in the editor. */
function positionOf(editor: Editor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(text)) found = pos + (node.text?.indexOf(text) ?? 0);
  });
  if (found < 0) throw new Error(`no "${text}" in the editor`);
  return found;
}

/** What the server does with the anchors: the text between them, if both are in one run of text. */
function textAtAnchors(doc: Y.Doc, anchorStart: string, anchorEnd: string): string | null {
  const decode = (anchor: string) =>
    Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(Uint8Array.from(atob(anchor), (c) => c.charCodeAt(0))),
      doc,
    );
  const start = decode(anchorStart);
  const end = decode(anchorEnd);
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null;
  return start.type.toString().slice(start.index, end.index);
}

describe('a selected passage of the notes', () => {
  it('is anchored in the Yjs document, follows an edit before it, and is refused across paragraphs', () => {
    const doc = new Y.Doc();
    const editor = notesEditor(doc);
    editor.commands.setContent(
      '<p>Le CPAS tient la liste des hébergements.</p><p>Prochaine visite en mai.</p>',
    );
    expect(selectedPassage(editor.state)).toBeNull();

    const from = positionOf(editor, 'la liste');
    editor.commands.setTextSelection({ from, to: from + 'la liste'.length });
    const selected = selectedPassage(editor.state);
    if (!selected || typeof selected === 'string') throw new Error(`no passage: ${selected}`);
    expect(selected.quote).toBe('la liste');
    expect(textAtAnchors(doc, selected.passage.anchorStart, selected.passage.anchorEnd)).toBe('la liste');

    // A co-writer adds words before the passage: the anchors still hold it.
    const first = (doc.getXmlFragment(FICHE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    first.insert(0, 'Depuis 2024, ');
    expect(textAtAnchors(doc, selected.passage.anchorStart, selected.passage.anchorEnd)).toBe('la liste');

    // Across two paragraphs: not a passage the server can rewrite in place.
    editor.commands.setTextSelection({
      from: positionOf(editor, 'hébergements'),
      to: positionOf(editor, 'visite'),
    });
    expect(selectedPassage(editor.state)).toBe('several-runs');
  });
});
