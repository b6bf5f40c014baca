import * as Y from 'yjs';
import { documentMarkdown } from './markdown';
import { requiredSectionKeys } from './sections';
import {
  documentPlainText,
  emptySectionKeys,
  removeUnwrittenSections,
  sectionTexts,
  writtenBlocks,
} from './text';
import { FICHE_FRAGMENT, ficheTemplateUpdate, seedFicheTemplate } from './yjs-template';

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** Types text into the paragraph that follows the heading of `sectionKey`. */
function writeIn(doc: Y.Doc, sectionKey: string, text: string): void {
  const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
  const index = nodes.findIndex((n) => n.getAttribute('section') === sectionKey);
  const paragraph = nodes[index + 1];
  paragraph.insert(0, [new Y.XmlText(text)]);
}

describe('fiche template', () => {
  it('seeds every section as a heading with its key, all empty', () => {
    const doc = docFrom(ficheTemplateUpdate());
    const sections = sectionTexts(doc);
    expect(sections.map((s) => s.key)).toEqual([
      'objectifs',
      'contexte',
      'dispositif',
      'public',
      'partenariat',
      'moyens',
      'resultats',
      'specificites',
      'essaimage',
      'contact',
    ]);
    expect(emptySectionKeys(doc)).toHaveLength(10);
  });

  it('refuses to seed twice, and merging two template updates from one source keeps one copy', () => {
    const update = ficheTemplateUpdate();
    const doc = docFrom(update);
    expect(() => seedFicheTemplate(doc)).toThrow();
    Y.applyUpdate(doc, update);
    expect(sectionTexts(doc)).toHaveLength(10);
  });

  it('tells which sections are filled, counting sub-parts toward their section', () => {
    const doc = docFrom(ficheTemplateUpdate());
    writeIn(doc, 'objectifs', 'Remettre le pied à l’étrier');
    writeIn(doc, 'resultats.qualitatifs', 'Des stagiaires plus confiants');
    const empty = emptySectionKeys(doc);
    expect(empty).not.toContain('objectifs');
    expect(empty).not.toContain('resultats');
    expect(empty).toContain('contexte');
    expect(requiredSectionKeys.filter((k) => empty.includes(k))).toEqual([
      'contexte',
      'dispositif',
      'public',
      'contact',
    ]);
  });

  it('extracts for search only what people wrote: no template heading, their own headings kept', () => {
    const doc = docFrom(ficheTemplateUpdate());
    writeIn(doc, 'contexte', 'Un atelier de maraîchage à Monceau');
    writeIn(doc, 'resultats.quantitatifs', '12 stagiaires formés');
    const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
    const own = new Y.XmlElement('heading');
    own.setAttribute('level', 3 as unknown as string);
    own.insert(0, [new Y.XmlText('Le jardin partagé')]);
    const at = (fragment.toArray() as Y.XmlElement[]).findIndex(
      (n) => n.getAttribute('section') === 'moyens',
    );
    fragment.insert(at, [own]);
    const text = documentPlainText(doc);
    expect(text).toBe('Un atelier de maraîchage à Monceau\n\nLe jardin partagé\n\n12 stagiaires formés');
    for (const title of ['Objectifs', 'Contexte', 'Public bénéficiaire', 'Quantitatifs', 'Résultats'])
      expect(text).not.toContain(title);
  });

  it('extracts no text at all from the bare template', () => {
    expect(documentPlainText(docFrom(ficheTemplateUpdate()))).toBe('');
  });

  it('keeps no control character in the plain text (PostgreSQL refuses NUL in text)', () => {
    const doc = docFrom(ficheTemplateUpdate());
    writeIn(doc, 'contexte', 'Un atelier\u0000 de maraîchage\u0007 à Monceau\tle mardi');
    const text = documentPlainText(doc);
    expect(text).toContain('Un atelier  de maraîchage  à Monceau\tle mardi');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(text).not.toMatch(/[\u0000-\u0008]/);
  });
});

describe('documentMarkdown', () => {
  it('writes headings, marks, lists and tables', () => {
    const doc = docFrom(ficheTemplateUpdate());
    const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
    const paragraph = nodes[1];
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'Former ');
    text.insert(7, 'douze', { bold: true });
    text.insert(12, ' stagiaires', { bold: null });
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('au potager')]);
    item.insert(0, [p]);
    list.insert(0, [item]);
    doc.getXmlFragment(FICHE_FRAGMENT).insert(2, [list]);
    writeIn(doc, 'resultats.quantitatifs', '12 stagiaires formés');
    const md = documentMarkdown(doc);
    expect(md.split('\n\n').slice(0, 4)).toEqual([
      '## Objectifs',
      'Former **douze** stagiaires',
      '- au potager',
      '## Contexte',
    ]);
    expect(md).toContain('### Quantitatifs\n\n12 stagiaires formés');
  });
});

describe('writtenBlocks: what a reader is shown', () => {
  const headings = (blocks: Array<Y.XmlElement | Y.XmlText>) =>
    blocks
      .filter((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === 'heading')
      .map((b) => b.getAttribute('section'));

  it('leaves out the optional sections nobody wrote, with their sub-parts, and keeps every required one', () => {
    const doc = docFrom(ficheTemplateUpdate());
    writeIn(doc, 'objectifs', 'Remettre le pied à l’étrier');
    writeIn(doc, 'essaimage.freins', 'Trouver des vélos');
    writeIn(doc, 'resultats.qualitatifs', 'Plus aucun retard');
    // Required sections stay, even empty; the template's parts nobody wrote go, in any section shown.
    expect(headings(writtenBlocks(doc))).toEqual([
      'objectifs',
      'contexte',
      'dispositif',
      'public',
      'resultats',
      'resultats.qualitatifs',
      'essaimage',
      'essaimage.freins',
      'contact',
    ]);
  });

  it('keeps a part that holds only an image, and the blocks after a part people wrote', () => {
    const doc = docFrom(ficheTemplateUpdate());
    const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
    const at = (fragment.toArray() as Y.XmlElement[]).findIndex(
      (n) => n.getAttribute('section') === 'resultats.quantitatifs',
    );
    const image = new Y.XmlElement('image');
    image.setAttribute('fileId', '0b8f4c1e-6a43-4c1e-9d3a-2f7b1c9e0a01');
    fragment.insert(at + 1, [image]);
    expect(headings(writtenBlocks(doc))).toContain('resultats.quantitatifs');
    expect(writtenBlocks(doc)).toContain(image);
    expect(headings(writtenBlocks(doc))).not.toContain('resultats.qualitatifs');
  });

  it('is the rule of the Markdown export', () => {
    const doc = docFrom(ficheTemplateUpdate());
    writeIn(doc, 'moyens', 'Deux animateurs');
    const md = documentMarkdown(doc);
    expect(md).toContain('## Moyens mis en œuvre\n\nDeux animateurs');
    expect(md).toContain('## Contexte');
    for (const unwritten of ['Partenariat', 'Rôle des partenaires', 'Spécificités', 'Essaimage'])
      expect(md).not.toContain(unwritten);
  });

  it('removes the same blocks from a local copy, so an editor shows what the PDF prints', () => {
    const doc = docFrom(ficheTemplateUpdate());
    writeIn(doc, 'specificites', 'La convivialité');
    const expected = headings(writtenBlocks(doc));
    removeUnwrittenSections(doc);
    expect(headings(doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[])).toEqual(expected);
    expect(expected).toContain('specificites');
    expect(expected).not.toContain('partenariat');
  });
});
