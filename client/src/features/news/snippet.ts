/** One piece of a search snippet: plain text, or a word the search matched. */
export interface SnippetPiece {
  text: string;
  match: boolean;
}

// The server marks matched words as `[mot]` (contract: DiscussionSearchHit.snippet). A bracket without its
// partner, or wrapping nothing, is left as plain text: messages may contain brackets of their own.
const MARKED = /\[([^[\]\n]+)\]/g;

/**
 * Splits a marked snippet into pieces, so that matches can be shown in `<mark>` while everything stays text
 * (never HTML: the snippet is the author's words). Adjacent plain pieces are merged.
 */
export function parseSnippet(snippet: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = pieces[pieces.length - 1];
    if (last && !last.match && !match) last.text += text;
    else pieces.push({ text, match });
  };
  let from = 0;
  for (const found of snippet.matchAll(MARKED)) {
    push(snippet.slice(from, found.index), false);
    push(found[1] ?? '', true);
    from = found.index + found[0].length;
  }
  push(snippet.slice(from), false);
  return pieces;
}
