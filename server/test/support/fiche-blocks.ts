/**
 * Fiche text built server-side as the editor stores it in Yjs (Tiptap's node names): the blocks tests
 * write into a fiche's or a meeting's document, and the writer that puts them under a section heading.
 */
import { FICHE_FRAGMENT, ficheSections } from '@affluents/editor/template';
import * as Y from 'yjs';

/** Replaces the text under a section heading with a paragraph (or given blocks), server-side. */
export function sectionWriter(doc: Y.Doc) {
  return (section: string, blocks: Array<Y.XmlElement>) => {
    const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
    const nodes = fragment.toArray() as Y.XmlElement[];
    const index = nodes.findIndex((n) => n.getAttribute('section') === section);
    if (index < 0) throw new Error(`no section ${section}`);
    fragment.delete(index + 1, 1);
    fragment.insert(index + 1, blocks);
  };
}

/** Types `text` into the paragraph under the heading of `section`, as the editor would. */
export function typeInSection(doc: Y.Doc, section: string, text: string): void {
  const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
  const index = nodes.findIndex((n) => n.getAttribute('section') === section);
  if (index < 0) throw new Error(`no section ${section}`);
  nodes[index + 1].insert(0, [new Y.XmlText(text)]);
}

/** A paragraph of runs, each plain text or text with marks (as Tiptap stores them in Yjs). */
export function paragraph(...runs: Array<string | [string, Record<string, unknown>]>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  p.insert(0, [text]);
  let at = 0;
  for (const run of runs) {
    const [value, marks] = typeof run === 'string' ? [run, {}] : run;
    text.insert(at, value, marks);
    at += value.length;
  }
  return p;
}

/** A bullet or task list, one paragraph an item (`[text, checked]`). */
export function list(kind: 'bulletList' | 'taskList', items: Array<[string, boolean?]>): Y.XmlElement {
  const el = new Y.XmlElement(kind);
  el.insert(
    0,
    items.map(([text, checked]) => {
      const item = new Y.XmlElement(kind === 'taskList' ? 'taskItem' : 'listItem');
      if (kind === 'taskList') item.setAttribute('checked', checked as unknown as string);
      item.insert(0, [paragraph(text)]);
      return item;
    }),
  );
  return el;
}

/** A table of paragraphs, its first row headers. */
export function table(rows: string[][]): Y.XmlElement {
  const el = new Y.XmlElement('table');
  el.insert(
    0,
    rows.map((cells, r) => {
      const row = new Y.XmlElement('tableRow');
      row.insert(
        0,
        cells.map((c) => {
          const cell = new Y.XmlElement(r === 0 ? 'tableHeader' : 'tableCell');
          cell.insert(0, [paragraph(c)]);
          return cell;
        }),
      );
      return row;
    }),
  );
  return el;
}

/** Fills every required section of a fiche with a line of text, so that it can be published. */
export function fillRequired(doc: Y.Doc): void {
  const put = sectionWriter(doc);
  for (const section of ficheSections.filter((s) => s.required))
    put(section.key, [paragraph(`Texte de la rubrique ${section.title}.`)]);
}
