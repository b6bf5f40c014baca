import { ficheExtensions } from '@affluents/editor';
import { getSchema } from '@tiptap/core';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchoredRange, encodeAnchor, type YBinding } from './anchors';

const schema = getSchema(ficheExtensions());
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The ProseMirror view of a Y.Doc, as the Collaboration extension builds it. */
function bind(doc: Y.Doc): {
  binding: YBinding;
  text: (from: number, to: number) => string;
  find: (s: string) => number;
} {
  const type = doc.getXmlFragment('default');
  const { doc: pm, mapping } = initProseMirrorDoc(type, schema);
  return {
    binding: { doc, type, mapping: mapping as YBinding['mapping'] },
    text: (from, to) => pm.textBetween(from, to, ' '),
    find: (s) => {
      let found = -1;
      pm.descendants((node, pos) => {
        if (found < 0 && node.isText && node.text?.includes(s)) found = pos + (node.text?.indexOf(s) ?? 0);
      });
      return found;
    },
  };
}

/** Two replicas that exchange every update, like two editors through the server. */
function replicas(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return [a, b];
}

describe('comment anchors', () => {
  it('round-trips a passage, follows a concurrent edit before it and collapses when it is deleted', () => {
    const [a, b] = replicas();
    prosemirrorJSONToYXmlFragment(
      schema,
      { type: 'doc', content: [paragraph('Introduction.'), paragraph('Le potager partagé remobilise.')] },
      a.getXmlFragment('default'),
    );
    const first = bind(a);
    const from = first.find('potager partagé');
    const to = from + 'potager partagé'.length;
    const anchorStart = encodeAnchor(first.binding, from);
    const anchorEnd = encodeAnchor(first.binding, to);
    expect(anchoredRange(first.binding, anchorStart, anchorEnd)).toEqual({ from, to });

    // Another writer adds text before the passage, in the same paragraph and in the one before.
    const paragraphs = b.getXmlFragment('default').toArray() as Y.XmlElement[];
    (paragraphs[1].get(0) as Y.XmlText).insert(0, 'Depuis 2024, ');
    (paragraphs[0].get(0) as Y.XmlText).insert(0, 'Bref : ');
    const moved = bind(a);
    const range = anchoredRange(moved.binding, anchorStart, anchorEnd);
    expect(range).not.toBeNull();
    expect(range && moved.text(range.from, range.to)).toBe('potager partagé');
    expect(range?.from).toBe(from + 'Depuis 2024, '.length + 'Bref : '.length);

    // Deleting the passage leaves nothing between the anchors: the comment is orphaned.
    const text = paragraphs[1].get(0) as Y.XmlText;
    text.delete(text.toString().indexOf('potager'), 'potager partagé'.length);
    expect(anchoredRange(bind(a).binding, anchorStart, anchorEnd)).toBeNull();
  });

  it('places nothing for an anchor that is not one', () => {
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(
      schema,
      { type: 'doc', content: [paragraph('Texte')] },
      doc.getXmlFragment('default'),
    );
    expect(anchoredRange(bind(doc).binding, 'pas une ancre', '////')).toBeNull();
  });
});
