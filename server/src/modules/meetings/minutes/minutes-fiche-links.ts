import { FICHE_FRAGMENT } from '@affluents/editor/template';
import * as Y from 'yjs';

/** A link to a fiche of the app: `/fiches/<uuid>`, relative or absolute, with or without a suffix. */
const FICHE_LINK =
  /^(?:https?:\/\/[^/]+)?\/fiches\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)/i;

/**
 * The distinct fiche ids the notes link to, in reading order: the `href` of every link mark of the text
 * (Tiptap's link mark is the `link` attribute of a Y.XmlText run, as the PDF export reads it).
 */
export function linkedFicheIds(doc: Y.Doc): string[] {
  const ids = new Set<string>();
  // An explicit stack, not recursion: notes nested deeper than the call stack still read.
  const stack: Array<Y.XmlFragment | Y.XmlText> = [doc.getXmlFragment(FICHE_FRAGMENT)];
  while (stack.length > 0) {
    const node = stack.pop() as Y.XmlFragment | Y.XmlText;
    if (node instanceof Y.XmlText) {
      for (const run of node.toDelta() as Array<{ attributes?: { link?: { href?: unknown } } }>) {
        const href = run.attributes?.link?.href;
        const match = typeof href === 'string' ? FICHE_LINK.exec(href.trim()) : null;
        if (match) ids.add(match[1].toLowerCase());
      }
      continue;
    }
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlText || child instanceof Y.XmlElement) stack.push(child);
    }
  }
  return [...ids];
}
