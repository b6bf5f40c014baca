import * as Y from 'yjs';
import { ficheSections } from './sections';

/** Name of the Y.XmlFragment that Tiptap's Collaboration extension edits (its default field). */
export const FICHE_FRAGMENT = 'default';

function heading(level: 2 | 3, text: string, section: string): Y.XmlElement {
  const el = new Y.XmlElement('heading');
  el.setAttribute('level', level as unknown as string);
  el.setAttribute('section', section);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

const emptyParagraph = () => new Y.XmlElement('paragraph');

/**
 * Writes the template (sections as headings, each followed by an empty paragraph) into an empty
 * document, in one transaction. Called once, when the fiche is created, on the server: clients never
 * seed, so reconnecting can never duplicate the template.
 */
export function seedFicheTemplate(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
  if (fragment.length > 0) throw new Error('seedFicheTemplate: the document is not empty');
  doc.transact(() => {
    const nodes: Y.XmlElement[] = [];
    for (const section of ficheSections) {
      nodes.push(heading(2, section.title, section.key), emptyParagraph());
      for (const part of section.parts ?? [])
        nodes.push(heading(3, part.title, `${section.key}.${part.key}`), emptyParagraph());
    }
    fragment.insert(0, nodes);
  });
}

/** The template as one Yjs update, ready to be stored as a new document's first update. */
export function ficheTemplateUpdate(): Uint8Array {
  const doc = new Y.Doc();
  seedFicheTemplate(doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
