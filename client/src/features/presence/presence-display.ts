import type { PresenceEntry } from '@affluents/contracts';
import { formatDateAs } from '@affluents/contracts';
import { initialsOf, userColor } from '../../lib/user-color';

export interface OnlinePerson {
  id: string;
  name: string;
  initials: string;
  color: string;
  isSelf: boolean;
}

export interface RecentPerson {
  id: string;
  name: string;
  /** Clock time of the last heartbeat in Brussels, e.g. "14:32" ("vu à 14:32"). */
  seenAt: string;
  /** Set when the person was last seen on another day than today, e.g. "12/05". */
  seenOn: string | null;
}

export interface PresenceDisplay {
  online: OnlinePerson[];
  recent: RecentPerson[];
}

/** The members' time zone: times read the same for everyone, whatever the device's setting. */

/**
 * What a presence snapshot shows: the online members (me first, then by name) and the recently gone (latest
 * first, with their time). A person listed twice (several tabs, several nodes) counts once, online wins.
 */
export function presenceDisplay(
  entries: readonly PresenceEntry[],
  { selfId, locale, now = new Date() }: { selfId?: string; locale: string; now?: Date },
): PresenceDisplay {
  const byUser = new Map<string, PresenceEntry>();
  for (const entry of entries) {
    const known = byUser.get(entry.userId);
    if (
      !known ||
      (entry.online && !known.online) ||
      (entry.online === known.online && entry.lastSeenAt > known.lastSeenAt)
    )
      byUser.set(entry.userId, entry);
  }
  const people = [...byUser.values()];
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });

  const online = people
    .filter((p) => p.online)
    .map((p) => ({
      id: p.userId,
      name: p.displayName,
      initials: initialsOf(p.displayName),
      color: userColor(p.userId),
      isSelf: p.userId === selfId,
    }))
    .sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || collator.compare(a.name, b.name));

  const time = { format: (date: Date) => formatDateAs('time', date, locale) };
  const day = { format: (date: Date) => formatDateAs('tableDate', date, locale) };
  const today = day.format(now);
  const recent = people
    .filter((p) => !p.online)
    .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))
    .map((p) => {
      const seen = new Date(p.lastSeenAt);
      const seenDay = day.format(seen);
      return {
        id: p.userId,
        name: p.displayName,
        seenAt: time.format(seen),
        seenOn: seenDay === today ? null : seenDay,
      };
    });

  return { online, recent };
}
