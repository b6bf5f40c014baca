import type { ActivityItem, NewsItem } from '@affluents/contracts';

/** One line of « Nouveautés »: a thread with unread messages, or something that happened in the group. */
export type NewsEntry =
  | { type: 'thread'; id: string; at: string; unread: true; thread: NewsItem }
  | { type: 'activity'; id: string; at: string; unread: boolean; item: ActivityItem };

export interface NewsGroup {
  group: NewsItem['group'];
  /** Unread messages of its threads plus its unread activity. */
  unread: number;
  entries: NewsEntry[];
}

const lastActivity = (item: NewsItem) => item.lastMessageAt ?? item.createdAt;

/**
 * "Nouveautés" by group: inside a group the newest entry first (a thread by its last message, an activity by
 * when it happened), and the groups in the order of their newest entry, so the newest news is always at the
 * top.
 */
export function groupNews(threads: readonly NewsItem[], activity: readonly ActivityItem[] = []): NewsGroup[] {
  const entries: Array<NewsEntry & { group: NewsItem['group']; weight: number }> = [
    ...threads.map((thread) => ({
      type: 'thread' as const,
      id: `thread:${thread.id}`,
      at: lastActivity(thread),
      unread: true as const,
      thread,
      group: thread.group,
      weight: thread.unreadCount,
    })),
    ...activity.map((item) => ({
      type: 'activity' as const,
      id: `activity:${item.id}`,
      at: item.createdAt,
      unread: item.unread,
      item,
      group: item.group,
      weight: item.unread ? 1 : 0,
    })),
  ];
  // ISO instants in UTC compare as text; an equal instant keeps threads before activity.
  entries.sort((a, b) => b.at.localeCompare(a.at));
  const groups = new Map<string, NewsGroup>();
  for (const { group, weight, ...entry } of entries) {
    const found = groups.get(group.id) ?? { group, unread: 0, entries: [] };
    found.entries.push(entry as NewsEntry);
    found.unread += weight;
    groups.set(group.id, found);
  }
  return [...groups.values()];
}
