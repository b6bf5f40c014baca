import * as Y from 'yjs';
import { documentMarkdown } from './markdown';
import { mentionedUserIds } from './mentions';
import { documentPlainText, emptySectionKeys, sectionTexts } from './text';
import { FICHE_FRAGMENT, ficheTemplateUpdate } from './yjs-template';

/** A template document whose "contexte" paragraph reads "Avec <mention> au jardin", as Tiptap stores it. */
function docWithMention(attrs: Record<string, string>): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, ficheTemplateUpdate());
  const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
  const paragraph = nodes[nodes.findIndex((n) => n.getAttribute('section') === 'contexte') + 1];
  const mention = new Y.XmlElement('mention');
  for (const [key, value] of Object.entries(attrs)) mention.setAttribute(key, value);
  paragraph.insert(0, [new Y.XmlText('Avec '), mention, new Y.XmlText(' au jardin')]);
  return doc;
}

describe('mentions in the fiche text', () => {
  const amina = {
    id: '5d1c0e0a-0000-4000-8000-000000000001',
    label: 'Amina Lahlou',
    mentionSuggestionChar: '@',
  };

  it('reads a mention as @Label in the section texts, the plain text and the filled sections', () => {
    const doc = docWithMention(amina);
    expect(sectionTexts(doc).find((s) => s.key === 'contexte')?.text).toBe('Avec @Amina Lahlou au jardin');
    expect(documentPlainText(doc)).toBe('Avec @Amina Lahlou au jardin');
    expect(emptySectionKeys(doc)).not.toContain('contexte');
  });

  it('writes a mention as @Label in Markdown, inline with its paragraph', () => {
    const md = documentMarkdown(docWithMention(amina));
    expect(md).toContain('## Contexte\n\nAvec @Amina Lahlou au jardin\n\n');
  });

  it('falls back to the id when a mention has no label', () => {
    const doc = docWithMention({ id: amina.id });
    expect(documentMarkdown(doc)).toContain(`Avec @${amina.id} au jardin`);
  });

  it('lists the mentioned user ids once each, nested blocks included', () => {
    const doc = docWithMention(amina);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const p = new Y.XmlElement('paragraph');
    const again = new Y.XmlElement('mention');
    again.setAttribute('id', amina.id);
    const other = new Y.XmlElement('mention');
    other.setAttribute('id', 'other-user');
    p.insert(0, [again, other]);
    item.insert(0, [p]);
    list.insert(0, [item]);
    doc.getXmlFragment(FICHE_FRAGMENT).insert(3, [list]);
    expect(mentionedUserIds(doc)).toEqual([amina.id, 'other-user']);
  });
});
