import type { MinutesPassage } from '@affluents/contracts';
import { FICHE_FRAGMENT } from '@affluents/editor/template';
import * as Y from 'yjs';
import { decodeAnchor } from '../../comments/comment-anchors';

/** A passage of the notes found at its anchors: one run of text of one paragraph. */
export interface LocatedPassage {
  text: Y.XmlText;
  index: number;
  length: number;
  /** The characters now between the anchors (an inline node counts as one space). */
  current: string;
}

function absolute(doc: Y.Doc, encoded: string): Y.AbsolutePosition | null {
  const relative = decodeAnchor(encoded);
  if (!relative) return null;
  try {
    return Y.createAbsolutePositionFromRelativePosition(relative, doc);
  } catch {
    return null;
  }
}

/** Whether a run of text is still in the notes' fragment (its paragraph and their parents not deleted). */
function inFragment(text: Y.XmlText, root: Y.XmlFragment): boolean {
  let item = text._item;
  while (item && !item.deleted) {
    if (item.parent === root) return true;
    item = (item.parent as Y.XmlElement)._item;
  }
  return false;
}

/**
 * The passage between two anchors in the notes, or null when the anchors do not name one run of text of
 * the notes (a passage across paragraphs, or a paragraph since deleted).
 */
export function locatePassage(doc: Y.Doc, passage: MinutesPassage): LocatedPassage | null {
  const start = absolute(doc, passage.anchorStart);
  const end = absolute(doc, passage.anchorEnd);
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null;
  if (!inFragment(start.type, doc.getXmlFragment(FICHE_FRAGMENT)) || end.index <= start.index) return null;
  const delta = start.type.toDelta() as Array<{ insert: unknown }>;
  const plain = delta.map((op) => (typeof op.insert === 'string' ? op.insert : ' ')).join('');
  return {
    text: start.type,
    index: start.index,
    length: end.index - start.index,
    current: plain.slice(start.index, end.index),
  };
}

/**
 * Replaces the passage with `replacement` when it still reads `quote`, keeping the formatting of its
 * first character (bold, link); false, and nothing changed, when the passage is gone or reads otherwise.
 */
export function replacePassage(
  doc: Y.Doc,
  passage: MinutesPassage,
  quote: string,
  replacement: string,
): boolean {
  const located = locatePassage(doc, passage);
  if (!located || located.current !== quote) return false;
  const { text, index, length } = located;
  let offset = 0;
  let attributes: Record<string, unknown> = {};
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const size = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + size) {
      attributes = op.attributes ?? {};
      break;
    }
    offset += size;
  }
  text.delete(index, length);
  text.insert(index, replacement, attributes);
  return true;
}
