import type { MinutesPassage } from '@affluents/contracts';
import type { EditorState } from '@tiptap/pm/state';
import * as Y from 'yjs';
import { bindingOf, encodeAnchor } from '../comments/anchors';

/** A passage selected in the notes, anchored in their Yjs document, with its exact text. */
export interface SelectedPassage {
  passage: MinutesPassage;
  quote: string;
}

/** Why a selection cannot be proposed for replacement. */
export type PassageRefusal = 'several-runs' | 'too-long';

function fromBase64(encoded: string): Uint8Array {
  return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
}

/** The Yjs type an anchor points into, in the bound document. */
function anchoredType(doc: Y.Doc, anchor: string): Y.AbstractType<unknown> | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(
    Y.decodeRelativePosition(fromBase64(anchor)),
    doc,
  );
  return (absolute?.type as Y.AbstractType<unknown> | undefined) ?? null;
}

/**
 * The selection of the notes as a passage to replace: both anchors in one run of text of one paragraph
 * (what the server can rewrite in place), the quote exactly as selected. Null for an empty selection or
 * before the editor is bound; `several-runs` for a selection across paragraphs, a mention or a line break;
 * `too-long` beyond what a proposal may quote.
 */
export function selectedPassage(state: EditorState): SelectedPassage | PassageRefusal | null {
  const { from, to, empty } = state.selection;
  const binding = bindingOf(state);
  if (empty || !binding) return null;
  const quote = state.doc.textBetween(from, to, '\n');
  if (!quote.trim()) return null;
  const passage = { anchorStart: encodeAnchor(binding, from), anchorEnd: encodeAnchor(binding, to) };
  const start = anchoredType(binding.doc, passage.anchorStart);
  const end = anchoredType(binding.doc, passage.anchorEnd);
  if (!start || start !== end || !(start instanceof Y.XmlText)) return 'several-runs';
  if (quote.length > 2000) return 'too-long';
  return { passage, quote };
}
