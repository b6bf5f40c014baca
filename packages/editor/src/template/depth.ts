import * as Y from 'yjs';

/**
 * How deeply shared types may nest in a document: a child of the root fragment is at depth 1, its text
 * at depth 2. A real fiche needs about 20 (a task list nested ten times inside a quote inside a table
 * cell); the server refuses any update that would go deeper, and every walker over a document stops
 * descending here, so a document stored before the limit existed still reads.
 */
export const MAX_DOCUMENT_DEPTH = 64;

/** A walker's view of a node: elements and text, nothing else (hooks, maps) counts as content. */
export type XmlNode = Y.XmlElement | Y.XmlText;

/** The element and text children of a node, in order. */
export function xmlChildren(node: Y.XmlElement | Y.XmlFragment): XmlNode[] {
  return node.toArray().filter((c): c is XmlNode => c instanceof Y.XmlElement || c instanceof Y.XmlText);
}

/**
 * Every text under `node`, one line per text node, walked with an explicit stack: what a walker shows
 * of content nested beyond MAX_DOCUMENT_DEPTH (flattened, never recursed into).
 */
export function flattenedText(node: XmlNode): string {
  const lines: string[] = [];
  const stack: XmlNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop() as XmlNode;
    if (next instanceof Y.XmlText) {
      const text = next
        .toDelta()
        .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('');
      if (text) lines.push(text);
    } else {
      const children = xmlChildren(next);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return lines.join('\n');
}

/** Whether some element or text under `fragment` sits deeper than `max` levels (walked with a stack). */
export function nestedDeeperThan(fragment: Y.XmlFragment, max: number): boolean {
  const stack: Array<{ node: Y.XmlFragment; depth: number }> = [{ node: fragment, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Y.XmlFragment; depth: number };
    for (const child of xmlChildren(node)) {
      if (depth + 1 > max) return true;
      if (child instanceof Y.XmlElement) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}
