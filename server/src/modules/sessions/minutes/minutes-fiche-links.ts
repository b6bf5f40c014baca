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
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const run of child.toDelta() as Array<{ attributes?: { link?: { href?: unknown } } }>) {
          const href = run.attributes?.link?.href;
          const match = typeof href === 'string' ? FICHE_LINK.exec(href.trim()) : null;
          if (match) ids.add(match[1].toLowerCase());
        }
      } else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment(FICHE_FRAGMENT));
  return [...ids];
}
