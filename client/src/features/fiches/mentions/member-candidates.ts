import type { GroupMember } from '@affluents/contracts';

/** A member who can be mentioned in the text: the mention node's `id` and `label`. */
export interface MentionableMember {
  id: string;
  label: string;
  /** What tells two namesakes apart in the list (job title or organisation). */
  detail: string | null;
}

const MAX_SUGGESTIONS = 8;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The group's members as mention candidates, leaving out the writer (mentioning oneself notifies nobody). */
export function mentionableMembers(
  members: readonly Pick<GroupMember, 'userId' | 'displayName' | 'jobTitle' | 'organisation'>[],
  selfId: string | null,
): MentionableMember[] {
  return members
    .filter((m) => m.userId !== selfId)
    .map((m) => ({ id: m.userId, label: m.displayName, detail: m.jobTitle ?? m.organisation?.name ?? null }));
}

/**
 * Members whose name has a word starting with what follows `@`, case- and accent-insensitive ("elo"
 * finds "Éloïse"); a query with spaces matches the start of the full name. Names that start with the
 * query come first; at most eight.
 */
export function filterMentionableMembers(
  members: readonly MentionableMember[],
  query: string,
): MentionableMember[] {
  const q = fold(query.trim());
  if (!q) return members.slice(0, MAX_SUGGESTIONS);
  const scored = members
    .map((member) => {
      const name = fold(member.label);
      if (name.startsWith(q)) return { member, rank: 0 };
      if (name.split(/\s+/).some((word) => word.startsWith(q))) return { member, rank: 1 };
      return null;
    })
    .filter((s): s is { member: MentionableMember; rank: number } => s !== null);
  return scored
    .sort((a, b) => a.rank - b.rank)
    .map((s) => s.member)
    .slice(0, MAX_SUGGESTIONS);
}
