import * as Y from 'yjs';
import { FILE_NODE, fileReferenceOf, fileReferences, IMAGE_NODE, validFileId } from './files';
import { documentMarkdown } from './markdown';
import { documentPlainText, emptySectionKeys, writtenBlocks } from './text';
import { FICHE_FRAGMENT, ficheTemplateUpdate } from './yjs-template';

const photo = '0b8f4c1e-6a43-4c1e-9d3a-2f7b1c9e0a01';
const report = '0b8f4c1e-6a43-4c1e-9d3a-2f7b1c9e0a02';
const nested = '0b8f4c1e-6a43-4c1e-9d3a-2f7b1c9e0a03';

function element(name: string, attrs: Record<string, unknown>): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as string);
  return el;
}

/** A template document with blocks inserted after the "contexte" heading, as Tiptap stores them. */
function docWith(blocks: Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, ficheTemplateUpdate());
  const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
  const nodes = fragment.toArray() as Y.XmlElement[];
  fragment.insert(nodes.findIndex((n) => n.getAttribute('section') === 'contexte') + 1, blocks);
  return doc;
}

function listWith(block: Y.XmlElement): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  item.insert(0, [block]);
  list.insert(0, [item]);
  return list;
}

describe('images and files in the fiche text', () => {
  it('accepts only UUIDs as file ids', () => {
    expect(validFileId(photo)).toBe(photo);
    expect(validFileId('../../api/users')).toBeNull();
    expect(validFileId('https://evil.example/x.png')).toBeNull();
    expect(validFileId(42)).toBeNull();
    expect(validFileId(null)).toBeNull();
  });

  it('lists every image and file of the text once, in reading order, nested ones included', () => {
    const doc = docWith([
      element(IMAGE_NODE, { fileId: photo, alt: 'Le potager en juin' }),
      element(FILE_NODE, { fileId: report, name: 'Bilan 2026.pdf' }),
      listWith(element(IMAGE_NODE, { fileId: nested, alt: '' })),
      element(IMAGE_NODE, { fileId: photo, alt: 'Le même, plus bas' }),
    ]);
    expect(fileReferences(doc)).toEqual([
      { node: IMAGE_NODE, fileId: photo, text: 'Le potager en juin' },
      { node: FILE_NODE, fileId: report, text: 'Bilan 2026.pdf' },
      { node: IMAGE_NODE, fileId: nested, text: '' },
    ]);
  });

  it('ignores file nodes whose id is not a UUID and elements that are not file nodes', () => {
    const doc = docWith([
      element(IMAGE_NODE, { fileId: '/api/users/me', alt: 'piège' }),
      element(FILE_NODE, { name: 'sans id' }),
      element('paragraph', { fileId: photo }),
    ]);
    expect(fileReferences(doc)).toEqual([]);
    expect(fileReferenceOf(element('paragraph', { fileId: photo }))).toBeNull();
  });

  it('reads a document nested deeper than the call stack without overflowing', () => {
    const doc = docWith([]);
    doc.transact(() => {
      const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
      let parent: Y.XmlFragment = fragment;
      let index = 1;
      for (let i = 0; i < 20_000; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(index, [quote]);
        parent = quote;
        index = 0;
      }
      parent.insert(0, [element(FILE_NODE, { fileId: report, name: 'profond.pdf' })]);
    });
    expect(fileReferences(doc).map((r) => r.fileId)).toEqual([report]);
  });

  it('writes an image as a Markdown image of its screen version and a file as a link to its download', () => {
    const doc = docWith([
      element(IMAGE_NODE, { fileId: photo, alt: 'Le potager [juin]' }),
      element(FILE_NODE, { fileId: report, name: 'Bilan_2026.pdf' }),
      element(IMAGE_NODE, { fileId: 'javascript:alert(1)', alt: 'piège' }),
    ]);
    const md = documentMarkdown(doc, { fileBaseUrl: 'https://affluents.example/' });
    expect(md).toContain(
      `## Contexte\n\n![Le potager \\[juin\\]](https://affluents.example/api/files/${photo}/display)\n\n` +
        `[Bilan\\_2026.pdf](https://affluents.example/api/files/${report})`,
    );
    expect(md).not.toContain('piège');
    expect(md).not.toContain('javascript');
    // Without a base URL, the links stay app paths.
    expect(documentMarkdown(doc)).toContain(`![Le potager \\[juin\\]](/api/files/${photo}/display)`);
  });

  it('counts a section holding only an image or a file as written, and reads their words', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, ficheTemplateUpdate());
    const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
    const at = (key: string) =>
      (fragment.toArray() as Y.XmlElement[]).findIndex((n) => n.getAttribute('section') === key) + 1;
    expect(emptySectionKeys(doc)).toEqual(expect.arrayContaining(['moyens', 'specificites']));
    const shownSections = () =>
      writtenBlocks(doc)
        .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
        .map((n) => n.getAttribute('section'));
    expect(shownSections()).not.toContain('moyens');
    // "moyens" gets a photo inside a list, "specificites" a file: both optional, neither has words.
    fragment.insert(at('moyens'), [
      listWith(element(IMAGE_NODE, { fileId: photo, alt: 'Le potager en mai' })),
    ]);
    fragment.insert(at('specificites'), [element(FILE_NODE, { fileId: report, name: 'bilan-2026.pdf' })]);
    expect(emptySectionKeys(doc)).not.toContain('moyens');
    expect(emptySectionKeys(doc)).not.toContain('specificites');
    // Both sections are now shown (the PDF, the Markdown and the published page) where they were left out.
    expect(shownSections()).toEqual(expect.arrayContaining(['moyens', 'specificites']));
    expect(documentPlainText(doc)).toContain('Le potager en mai');
    expect(documentPlainText(doc)).toContain('bilan-2026.pdf');
  });
});
