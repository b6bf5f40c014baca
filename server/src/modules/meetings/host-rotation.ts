import type { HostProposal } from '@affluents/contracts';
import { formatDateAs } from '@affluents/contracts';

/** One candidate host organisation and its hosting history in the group. */
export interface HostHistory {
  id: string;
  name: string;
  /** Start of the latest meeting it hosts (past or already planned), null when never. */
  lastHostedAt: Date | null;
  hostedCount: number;
  /** Start of the turn it declined most recently (the declined meeting's date), null when none. */
  lastDeclinedAt: Date | null;
}

/**
 * A decline counts as a turn taken: the organisation goes to the back of the queue for that round
 * and comes round again in the next, instead of being skipped for ever.
 */
const lastTurn = (h: HostHistory): Date | null => {
  const declined = h.lastDeclinedAt && (!h.lastHostedAt || h.lastDeclinedAt > h.lastHostedAt);
  return declined ? h.lastDeclinedAt : h.lastHostedAt;
};

const declinedSinceHosting = (h: HostHistory) =>
  h.lastDeclinedAt !== null && (h.lastHostedAt === null || h.lastDeclinedAt > h.lastHostedAt);

/**
 * The fair order of hosts: never hosted first, then least recently; an organisation that declined
 * since it last hosted waits until the others had their turn; ties by fewest hosts, then name.
 */
export function rankHosts(history: HostHistory[]): HostHistory[] {
  return [...history].sort((a, b) => {
    const ta = lastTurn(a);
    const tb = lastTurn(b);
    if (ta === null && tb !== null) return -1;
    if (tb === null && ta !== null) return 1;
    if (ta && tb && ta.getTime() !== tb.getTime()) return ta.getTime() - tb.getTime();
    if (a.hostedCount !== b.hostedCount) return a.hostedCount - b.hostedCount;
    return a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id);
  });
}

const shortDate = { format: (date: Date) => formatDateAs('day', date, 'fr-BE') };

/** Why an organisation stands where it does, in French for the facilitator. */
export function hostReason(h: HostHistory): string {
  if (declinedSinceHosting(h)) {
    return `A décliné le tour du ${shortDate.format(h.lastDeclinedAt as Date)} : repasse après les autres`;
  }
  if (h.lastHostedAt === null) return 'N’a encore jamais accueilli le groupe';
  const times = h.hostedCount > 1 ? `${h.hostedCount} fois` : 'une fois';
  return `A accueilli ${times}, la dernière le ${shortDate.format(h.lastHostedAt)}`;
}

export function toHostProposal(h: HostHistory): HostProposal {
  return {
    organisation: { id: h.id, name: h.name },
    lastHostedAt: h.lastHostedAt ? h.lastHostedAt.toISOString() : null,
    hostedCount: h.hostedCount,
    reason: hostReason(h),
  };
}

/**
 * Assigns hosts to dated slots in rotation: each slot goes to the first of the ranking, which then
 * counts as having hosted on that date. So over a round every organisation hosts before any hosts twice.
 */
export function assignHosts<T extends { startsAt: Date }>(
  slots: T[],
  history: HostHistory[],
): Array<T & { host: HostHistory | null }> {
  let state = history.map((h) => ({ ...h }));
  return slots.map((slot) => {
    const [first] = rankHosts(state);
    if (!first) return { ...slot, host: null };
    state = state.map((h) =>
      h.id === first.id ? { ...h, lastHostedAt: slot.startsAt, hostedCount: h.hostedCount + 1 } : h,
    );
    return { ...slot, host: first };
  });
}
