import type { Notification, NotificationPage } from '@affluents/contracts';

/** The notifications loaded so far, page after page (the shape of React Query's infinite data). */
export interface NotificationFeed {
  pages: NotificationPage[];
  pageParams: unknown[];
}

/** Everything loaded, newest first, each notification once. */
export function feedItems(feed: NotificationFeed | undefined): Notification[] {
  const seen = new Set<string>();
  const items: Notification[] = [];
  for (const page of feed?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

/** The unread count, as the server last told it and as changed here since; the first page carries it. */
export const feedUnreadCount = (feed: NotificationFeed | undefined): number =>
  feed?.pages[0]?.unreadCount ?? 0;

function withUnreadCount(
  feed: NotificationFeed,
  pages: NotificationPage[],
  unreadCount: number,
): NotificationFeed {
  const [first, ...rest] = pages;
  if (!first) return feed;
  return { ...feed, pages: [{ ...first, unreadCount: Math.max(0, unreadCount) }, ...rest] };
}

/**
 * A notification pushed live: on top of the list, and one more unread. The same notification arriving twice
 * (a reconnection that refetched it already) changes nothing.
 */
export function notificationReceived(
  feed: NotificationFeed | undefined,
  notification: Notification,
): NotificationFeed | undefined {
  if (!feed?.pages[0]) return feed;
  if (feed.pages.some((page) => page.items.some((item) => item.id === notification.id))) return feed;
  const [first, ...rest] = feed.pages;
  const pages = [{ ...first, items: [notification, ...first.items] }, ...rest];
  return withUnreadCount(feed, pages, first.unreadCount + (notification.readAt ? 0 : 1));
}

/** Some notifications read (or all of them when `ids` is `'all'`): their dot goes, the count drops. */
export function notificationsRead(
  feed: NotificationFeed | undefined,
  ids: readonly string[] | 'all',
  readAt: string,
): NotificationFeed | undefined {
  if (!feed?.pages[0]) return feed;
  const targets = ids === 'all' ? null : new Set(ids);
  let changed = 0;
  const pages = feed.pages.map((page) => ({
    ...page,
    items: page.items.map((item) => {
      if (item.readAt || (targets && !targets.has(item.id))) return item;
      changed += 1;
      return { ...item, readAt };
    }),
  }));
  const before = feed.pages[0].unreadCount;
  return withUnreadCount(feed, pages, ids === 'all' ? 0 : before - changed);
}
