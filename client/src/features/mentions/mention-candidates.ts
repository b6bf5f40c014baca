import type { GroupMember } from '@affluents/contracts';

/** Someone who can be mentioned: a member (`id`), or the whole group (`id` null, discussions only). */
export interface MentionCandidate {
  id: string | null;
  label: string;
  /** What tells two namesakes apart in the list (job title or organisation). */
  detail: string | null;
}

/** A member as a candidate: the mention's `id` and `label`. */
export type MemberCandidate = MentionCandidate & { id: string };

const MAX_SUGGESTIONS = 8;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The group's members as candidates, leaving out the writer (mentioning oneself notifies nobody). */
export function memberCandidates(
  members: readonly Pick<GroupMember, 'userId' | 'displayName' | 'jobTitle' | 'organisation'>[],
  selfId: string | null,
): MemberCandidate[] {
  return members
    .filter((m) => m.userId !== selfId)
    .map((m) => ({ id: m.userId, label: m.displayName, detail: m.jobTitle ?? m.organisation?.name ?? null }));
}

/**
 * The one ranking of mention suggestions (discussions and fiches): candidates whose name has a word
 * starting with what follows `@`, case- and accent-insensitive ("elo" finds "Éloïse"); a query with
 * spaces matches the start of the full name. Names that start with the query come first; at most eight.
 */
export function rankMentionCandidates<T extends MentionCandidate>(
  candidates: readonly T[],
  query: string,
): T[] {
  const q = fold(query.trim());
  if (!q) return candidates.slice(0, MAX_SUGGESTIONS);
  const scored = candidates
    .map((candidate) => {
      const name = fold(candidate.label);
      if (name.startsWith(q)) return { candidate, rank: 0 };
      if (name.split(/\s+/).some((word) => word.startsWith(q))) return { candidate, rank: 1 };
      return null;
    })
    .filter((s): s is { candidate: T; rank: number } => s !== null);
  return scored
    .sort((a, b) => a.rank - b.rank)
    .map((s) => s.candidate)
    .slice(0, MAX_SUGGESTIONS);
}
