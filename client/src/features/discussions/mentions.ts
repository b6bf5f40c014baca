/** Someone who can be mentioned: a member, or the whole group (`id` null). */
export interface MentionCandidate {
  id: string | null;
  label: string;
}

/** The `@query` being typed just before the caret, or null when the caret is not in a mention. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@[\]()]{0,30})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: match[2] ?? '' };
}

/** The Markdown token the server recognises for a mention (see `mentionPattern` in the contracts). */
export function mentionToken(candidate: MentionCandidate): string {
  return candidate.id ? `@[${candidate.label}](user:${candidate.id})` : `@[${candidate.label}](group)`;
}

/** Candidates whose name has a word starting with the query, case- and accent-insensitive. */
export function filterCandidates(candidates: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query);
  return candidates
    .filter((c) =>
      fold(c.label)
        .split(/\s+/)
        .some((word) => word.startsWith(q)),
    )
    .slice(0, 8);
}
