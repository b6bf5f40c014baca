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

/** The distinct user ids mentioned anywhere in a fiche's text, in reading order. */
export function mentionedUserIds(doc: Y.Doc): string[] {
  const ids = new Set<string>();
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === MENTION_NODE) {
        const id = child.getAttribute('id');
        if (typeof id === 'string' && id) ids.add(id);
      } else visit(child);
    }
  };
  visit(doc.getXmlFragment(FICHE_FRAGMENT));
  return [...ids];
}
