import * as Y from 'yjs';
import { AnchorResolver, decodeAnchor } from './comment-anchors';

const FRAGMENT = 'default';

/** A fiche with two paragraphs, laid out as ProseMirror counts: <p>Hello world</p><p>Second</p>. */
function twoParagraphs(): { doc: Y.Doc; first: Y.XmlText; second: Y.XmlText } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(FRAGMENT);
  const [p1, p2] = [new Y.XmlElement('paragraph'), new Y.XmlElement('paragraph')];
  fragment.insert(0, [p1, p2]);
  const first = new Y.XmlText('Hello world');
  const second = new Y.XmlText('Second');
  p1.insert(0, [first]);
  p2.insert(0, [second]);
  return { doc, first, second };
}

/** An anchor as the editor stores it: a base64 `Y.encodeRelativePosition` at `index` of `type`. */
const anchor = (type: Y.XmlText | Y.XmlFragment, index: number) =>
  Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index))).toString(
    'base64',
  );

const resolve = (doc: Y.Doc, start: string, end: string) =>
  new AnchorResolver(doc, FRAGMENT).resolve(start, end);

describe('comment anchors', () => {
  it('resolves a passage to ProseMirror positions and its text', () => {
    const { doc, first } = twoParagraphs();
    // "world" is characters 6..11 of the first text, which starts at 1 (inside the paragraph).
    expect(resolve(doc, anchor(first, 6), anchor(first, 11))).toEqual({ from: 7, to: 12, text: 'world' });
  });

  it('counts each paragraph’s opening and closing step, so the second text starts at 14', () => {
    const { doc, second } = twoParagraphs();
    expect(resolve(doc, anchor(second, 0), anchor(second, 3))).toEqual({ from: 14, to: 17, text: 'Sec' });
  });

  it('resolves anchors placed between blocks (on the fragment itself)', () => {
    const { doc } = twoParagraphs();
    const fragment = doc.getXmlFragment(FRAGMENT);
    expect(resolve(doc, anchor(fragment, 0), anchor(fragment, 2))).toEqual({
      from: 0,
      to: 21,
      text: 'Hello world Second',
    });
  });

  it('follows its passage when text is inserted before it, in its paragraph or above it', () => {
    const { doc, first, second } = twoParagraphs();
    const start = anchor(second, 0);
    const end = anchor(second, 6);
    first.insert(0, 'Oh, ');
    expect(resolve(doc, start, end)).toEqual({ from: 18, to: 24, text: 'Second' });
    doc.getXmlFragment(FRAGMENT).insert(0, [new Y.XmlElement('horizontalRule')]);
    // A leaf element is one step.
    expect(resolve(doc, start, end)).toEqual({ from: 19, to: 25, text: 'Second' });
  });

  it('grows with text typed inside the passage and shrinks with text deleted inside it', () => {
    const { doc, first } = twoParagraphs();
    const start = anchor(first, 0);
    const end = anchor(first, 5);
    first.insert(2, 'LLL');
    expect(resolve(doc, start, end)?.text).toBe('HeLLLllo');
    first.delete(0, 4);
    expect(resolve(doc, start, end)).toEqual({ from: 1, to: 5, text: 'Lllo' });
  });

  it('becomes orphan (null) when all its text is deleted', () => {
    const { doc, first } = twoParagraphs();
    const start = anchor(first, 6);
    const end = anchor(first, 11);
    first.delete(6, 5);
    expect(resolve(doc, start, end)).toBeNull();
  });

  it('becomes orphan when its whole paragraph is deleted', () => {
    const { doc, second } = twoParagraphs();
    const start = anchor(second, 0);
    const end = anchor(second, 3);
    doc.getXmlFragment(FRAGMENT).delete(1, 1);
    expect(resolve(doc, start, end)).toBeNull();
  });

  it('is null when the anchors are reversed or collapsed', () => {
    const { doc, first } = twoParagraphs();
    expect(resolve(doc, anchor(first, 5), anchor(first, 2))).toBeNull();
    expect(resolve(doc, anchor(first, 3), anchor(first, 3))).toBeNull();
  });

  it('resolves on a replica that received the edits as updates, as the server does', () => {
    const { doc: editor, first } = twoParagraphs();
    const start = anchor(first, 6);
    const end = anchor(first, 11);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
    first.insert(0, '¡');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor, Y.encodeStateVector(server)));
    expect(resolve(server, start, end)).toEqual({ from: 8, to: 13, text: 'world' });
  });

  it('reads the text without the formatting marks', () => {
    const { doc, first } = twoParagraphs();
    first.format(6, 5, { bold: {} });
    expect(resolve(doc, anchor(first, 0), anchor(first, 11))?.text).toBe('Hello world');
  });

  it('is null for anchors of another document', () => {
    const { first } = twoParagraphs();
    const { doc: other } = twoParagraphs();
    expect(resolve(other, anchor(first, 0), anchor(first, 5))).toBeNull();
  });

  describe('decodeAnchor', () => {
    it('decodes what the editor encodes', () => {
      const { first } = twoParagraphs();
      const decoded = decodeAnchor(anchor(first, 3));
      expect(decoded?.item).toEqual(Y.createRelativePositionFromTypeIndex(first, 3).item);
    });

    it('refuses the empty string and noise', () => {
      expect(decodeAnchor('')).toBeNull();
      expect(decodeAnchor('not an anchor')).toBeNull();
    });
  });
});
