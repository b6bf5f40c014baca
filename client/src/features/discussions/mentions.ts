import type { MentionCandidate } from '../mentions/mention-candidates';

/** The `@query` being typed just before the caret, or null when the caret is not in a mention. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@[\]()]{0,30})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: match[2] ?? '' };
}

/** The Markdown token the server recognises for a mention (see `mentionPattern` in the contracts). */
export function mentionToken(candidate: Pick<MentionCandidate, 'id' | 'label'>): string {
  return candidate.id ? `@[${candidate.label}](user:${candidate.id})` : `@[${candidate.label}](group)`;
}
