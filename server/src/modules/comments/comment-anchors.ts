import * as Y from 'yjs';

/** Where a comment's passage stands in the current document, in ProseMirror-like positions. */
export interface ResolvedPassage {
  from: number;
  to: number;
  /** The text now between the two anchors. */
  text: string;
}

/** Decodes a base64 `Y.encodeRelativePosition`; null when it is not one. */
export function decodeAnchor(encoded: string): Y.RelativePosition | null {
  try {
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.length === 0) return null;
    const position = Y.decodeRelativePosition(bytes);
    // A decodable position names either an item, a root type or a type item; anything else is noise.
    if (!position.item && !position.tname && !position.type) return null;
    return position;
  } catch {
    return null;
  }
}

/**
 * Positions of every type of the fragment, computed the way y-prosemirror counts ProseMirror
 * positions (an element opens and closes with one step each, a leaf element is one step, text counts
 * its characters), so that server and editor agree on the document order of passages.
 */
class FragmentLayout {
  /** Position where each type's content starts. */
  private readonly contentStart = new Map<object, number>();
  private readonly sizes = new Map<object, number>();
  private readonly texts: Array<{ start: number; text: string }> = [];

  constructor(fragment: Y.XmlFragment) {
    this.layout(fragment);
  }

  /**
   * Walks the fragment with an explicit stack rather than recursion, so a document nested deeper than
   * the call stack (stored before the server refused such updates) still resolves its comments.
   */
  private layout(fragment: Y.XmlFragment): void {
    interface Frame {
      children: unknown[];
      index: number;
      /** The next position inside this type. */
      pos: number;
      /** The element this frame lays out (none for the fragment) and where it opens in its parent. */
      element?: Y.XmlElement;
      opensAt: number;
    }
    this.contentStart.set(fragment, 0);
    const stack: Frame[] = [{ children: fragment.toArray(), index: 0, pos: 0, opensAt: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.index === frame.children.length) {
        stack.pop();
        if (frame.element) {
          const size = frame.element.length === 0 ? 1 : frame.pos - frame.opensAt + 1;
          this.sizes.set(frame.element, size);
          stack[stack.length - 1].pos += size;
        }
        continue;
      }
      const child = frame.children[frame.index++];
      if (child instanceof Y.XmlText) {
        // The delta, not toString(): formatting (bold, links) must not leak into the text as tags.
        const delta = child.toDelta() as Array<{ insert: unknown }>;
        const value = delta.map((op) => (typeof op.insert === 'string' ? op.insert : ' ')).join('');
        this.contentStart.set(child, frame.pos);
        this.sizes.set(child, child.length);
        this.texts.push({ start: frame.pos, text: value });
        frame.pos += child.length;
      } else if (child instanceof Y.XmlElement) {
        this.contentStart.set(child, frame.pos + 1);
        stack.push({
          children: child.toArray(),
          index: 0,
          pos: frame.pos + 1,
          element: child,
          opensAt: frame.pos,
        });
      }
    }
  }

  /** The position of an absolute Yjs position, or null when its type left the fragment. */
  positionOf(absolute: Y.AbsolutePosition): number | null {
    const start = this.contentStart.get(absolute.type);
    if (start === undefined) return null;
    if (absolute.type instanceof Y.XmlText) return start + absolute.index;
    const children = (absolute.type as Y.XmlElement).toArray().slice(0, absolute.index);
    return children.reduce((pos, child) => pos + (this.sizes.get(child) ?? 0), start);
  }

  textBetween(from: number, to: number): string {
    return this.texts
      .filter((t) => t.start < to && t.start + t.text.length > from)
      .map((t) => t.text.slice(Math.max(0, from - t.start), Math.max(0, to - t.start)))
      .join(' ');
  }
}

/**
 * Resolves comment anchors against one document. Build it once per read: the layout walks the whole
 * fragment, then each comment costs two lookups.
 */
export class AnchorResolver {
  private readonly layout: FragmentLayout;

  constructor(
    private readonly doc: Y.Doc,
    fragmentName: string,
  ) {
    this.layout = new FragmentLayout(doc.getXmlFragment(fragmentName));
  }

  /** The passage between the anchors, or null when it is gone (deleted, or collapsed to nothing). */
  resolve(anchorStart: string, anchorEnd: string): ResolvedPassage | null {
    const from = this.position(anchorStart);
    const to = this.position(anchorEnd);
    if (from === null || to === null || from >= to) return null;
    return { from, to, text: this.layout.textBetween(from, to) };
  }

  private position(encoded: string): number | null {
    const relative = decodeAnchor(encoded);
    if (!relative) return null;
    try {
      const absolute = Y.createAbsolutePositionFromRelativePosition(relative, this.doc);
      return absolute ? this.layout.positionOf(absolute) : null;
    } catch {
      // A position naming structures this document never had resolves to nothing, not to an error.
      return null;
    }
  }
}
