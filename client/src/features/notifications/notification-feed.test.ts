import type { Notification, NotificationPage } from '@affluents/contracts';
import { describe, expect, it } from 'vitest';
import {
  feedItems,
  feedUnreadCount,
  type NotificationFeed,
  notificationReceived,
  notificationsRead,
} from './notification-feed';

const note = (n: number, readAt: string | null = null): Notification => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  kind: 'mention',
  actor: { id: '00000000-0000-4000-8000-000000000099', displayName: 'Sophie Lambert' },
  groupId: null,
  link: `/discussions/t${n}`,
  title: `Titre ${n}`,
  excerpt: 'Bonjour @Marc',
  createdAt: `2025-06-10T12:0${n}:00Z`,
  readAt,
});
const page = (
  items: Notification[],
  unreadCount: number,
  nextCursor: string | null = null,
): NotificationPage => ({
  items,
  unreadCount,
  nextCursor,
});
const feed = (...pages: NotificationPage[]): NotificationFeed => ({
  pages,
  pageParams: pages.map(() => null),
});
const at = '2025-06-10T13:00:00Z';

describe('notification feed', () => {
  it('puts a live notification on top and counts it as unread', () => {
    const next = notificationReceived(feed(page([note(2), note(1, at)], 1)), note(3));
    expect(feedItems(next).map((n) => n.title)).toEqual(['Titre 3', 'Titre 2', 'Titre 1']);
    expect(feedUnreadCount(next)).toBe(2);
  });

  it('ignores a notification it already has, even on a later page', () => {
    const before = feed(page([note(3)], 2, 'c'), page([note(2)], 2));
    expect(notificationReceived(before, note(2))).toBe(before);
  });

  it('leaves a feed not loaded yet alone', () => {
    expect(notificationReceived(undefined, note(1))).toBeUndefined();
  });

  it('marks some as read and lowers the count by those that were unread', () => {
    const next = notificationsRead(
      feed(page([note(3), note(2, at)], 2, 'c'), page([note(1)], 2)),
      [note(2).id, note(1).id],
      at,
    );
    expect(feedItems(next).map((n) => n.readAt)).toEqual([null, at, at]);
    expect(feedUnreadCount(next)).toBe(1);
  });

  it('marks everything read, including unread notifications not loaded yet', () => {
    const next = notificationsRead(feed(page([note(2), note(1)], 7)), 'all', at);
    expect(feedItems(next).every((n) => n.readAt === at)).toBe(true);
    expect(feedUnreadCount(next)).toBe(0);
  });

  it('never counts below zero', () => {
    expect(
      feedUnreadCount(notificationsRead(feed(page([note(1), note(2)], 1)), [note(1).id, note(2).id], at)),
    ).toBe(0);
  });
});
