import type { NewsItem } from '@affluents/contracts';

export interface NewsGroup {
  group: NewsItem['group'];
  unread: number;
  threads: NewsItem[];
}

const lastActivity = (item: NewsItem) => item.lastMessageAt ?? item.createdAt;

/**
 * "Nouveautés" by group: inside a group the most recently active thread first, and the groups in the order of
 * their most recent thread, so the newest news is always at the top.
 */
export function groupNews(items: readonly NewsItem[]): NewsGroup[] {
  const sorted = [...items].sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)));
  const groups = new Map<string, NewsGroup>();
  for (const item of sorted) {
    const entry = groups.get(item.groupId) ?? { group: item.group, unread: 0, threads: [] };
    entry.threads.push(item);
    entry.unread += item.unreadCount;
    groups.set(item.groupId, entry);
  }
  return [...groups.values()];
}
