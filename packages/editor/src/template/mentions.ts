import * as Y from 'yjs';
import { FICHE_FRAGMENT } from './yjs-template';

/**
 * Name of the mention node in the fiche schema, and so of its Y.XmlElement in the document: the Tiptap
 * Mention node keeps its default name, and y-prosemirror names each element after its node type.
 */
export const MENTION_NODE = 'mention';

/** How a mention reads in plain text, Markdown and PDF: `@Label` (the id if the label is missing). */
export function mentionText(element: Y.XmlElement): string {
  const label = element.getAttribute('label');
  const id = element.getAttribute('id');
  return `@${typeof label === 'string' && label ? label : typeof id === 'string' ? id : ''}`;
}

/**
 * The distinct user ids mentioned anywhere in a fiche's text, in reading order. An explicit stack, not
 * recursion: a document nested deeper than the call stack still reads.
 */
export function mentionedUserIds(doc: Y.Doc): string[] {
  const ids = new Set<string>();
  const stack: Array<Y.XmlFragment | Y.XmlElement> = [doc.getXmlFragment(FICHE_FRAGMENT)];
  while (stack.length > 0) {
    const node = stack.pop() as Y.XmlFragment | Y.XmlElement;
    if (node instanceof Y.XmlElement && node.nodeName === MENTION_NODE) {
      const id = node.getAttribute('id');
      if (typeof id === 'string' && id) ids.add(id);
      continue;
    }
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlElement) stack.push(child);
    }
  }
  return [...ids];
}
