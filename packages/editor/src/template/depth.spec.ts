import * as Y from 'yjs';
import { flattenedText, MAX_DOCUMENT_DEPTH, nestedDeeperThan } from './depth';
import { documentMarkdown } from './markdown';
import { mentionedUserIds } from './mentions';
import { documentPlainText, emptySectionKeys, sectionTexts } from './text';
import { FICHE_FRAGMENT, ficheTemplateUpdate } from './yjs-template';

/** The template with `levels` quotes nested under "contexte", the innermost holding text and a mention. */
function deepFiche(levels: number): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, ficheTemplateUpdate());
  doc.transact(() => {
    const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
    const at =
      (fragment.toArray() as Y.XmlElement[]).findIndex((n) => n.getAttribute('section') === 'contexte') + 1;
    let parent: Y.XmlFragment = fragment;
    let index = at;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(index, [quote]);
      parent = quote;
      index = 0;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    const mention = new Y.XmlElement('mention');
    mention.setAttribute('id', 'user-deep');
    mention.setAttribute('label', 'Amina');
    paragraph.insert(0, [new Y.XmlText('Tout au fond, '), mention]);
  });
  return doc;
}

describe('documents nested deeper than the call stack', () => {
  const doc = deepFiche(20_000);

  it('still yield their text, sections, Markdown and mentions, the deep part flattened', () => {
    expect(sectionTexts(doc).find((s) => s.key === 'contexte')?.text).toContain('Tout au fond,');
    expect(documentPlainText(doc)).toContain('Tout au fond,');
    expect(emptySectionKeys(doc)).not.toContain('contexte');
    const md = documentMarkdown(doc);
    expect(md).toContain(`${'> '.repeat(MAX_DOCUMENT_DEPTH - 1)}Tout au fond,`);
    expect(md).not.toContain('> '.repeat(MAX_DOCUMENT_DEPTH + 1));
    expect(mentionedUserIds(doc)).toEqual(['user-deep']);
  });

  it('are told apart from documents within the limit, without recursion', () => {
    const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
    expect(nestedDeeperThan(fragment, MAX_DOCUMENT_DEPTH)).toBe(true);
    expect(nestedDeeperThan(deepFiche(10).getXmlFragment(FICHE_FRAGMENT), MAX_DOCUMENT_DEPTH)).toBe(false);
    expect(flattenedText(fragment.toArray()[0] as Y.XmlElement)).toBe('Objectifs');
  });
});
