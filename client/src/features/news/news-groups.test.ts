import type { ActivityItem, NewsItem } from '@affluents/contracts';
import { describe, expect, it } from 'vitest';
import { groupNews } from './news-groups';

const g1 = '00000000-0000-4000-8000-0000000000a1';
const g2 = '00000000-0000-4000-8000-0000000000a2';
const group = (groupId: string) => ({
  id: groupId,
  kind: 'codev',
  bassinName: groupId === g1 ? 'Liège' : 'Namur',
});
const item = (id: string, groupId: string, lastMessageAt: string, unreadCount: number) =>
  ({
    id,
    groupId,
    group: group(groupId),
    lastMessageAt,
    createdAt: '2025-01-01T00:00:00Z',
    unreadCount,
  }) as NewsItem;
const happened = (id: string, groupId: string, createdAt: string, unread: boolean) =>
  ({ id, group: group(groupId), createdAt, unread, kind: 'fiche_created' }) as ActivityItem;

describe('groupNews', () => {
  it('groups threads, newest first, with the unread total of each group', () => {
    const groups = groupNews([
      item('a', g1, '2025-06-10T08:00:00Z', 2),
      item('b', g2, '2025-06-10T09:00:00Z', 1),
      item('c', g1, '2025-06-10T10:00:00Z', 4),
    ]);
    expect(groups.map((g) => [g.group.bassinName, g.unread, g.entries.map((e) => e.id)])).toEqual([
      ['Liège', 6, ['thread:c', 'thread:a']],
      ['Namur', 1, ['thread:b']],
    ]);
  });

  it('mixes the activity in, by time, counting only its unread items', () => {
    const groups = groupNews(
      [item('a', g1, '2025-06-10T08:00:00Z', 2)],
      [
        happened('x', g2, '2025-06-11T08:00:00Z', false),
        happened('y', g1, '2025-06-10T09:00:00Z', true),
        happened('z', g1, '2025-06-09T09:00:00Z', false),
      ],
    );
    expect(groups.map((g) => [g.group.bassinName, g.unread, g.entries.map((e) => e.id)])).toEqual([
      ['Namur', 0, ['activity:x']],
      ['Liège', 3, ['activity:y', 'thread:a', 'activity:z']],
    ]);
  });
});
