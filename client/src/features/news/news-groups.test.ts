import type { NewsItem } from '@affluents/contracts';
import { describe, expect, it } from 'vitest';
import { groupNews } from './news-groups';

const g1 = '00000000-0000-4000-8000-0000000000a1';
const g2 = '00000000-0000-4000-8000-0000000000a2';
const item = (id: string, groupId: string, lastMessageAt: string, unreadCount: number) =>
  ({
    id,
    groupId,
    group: { id: groupId, kind: 'codev', bassinName: groupId === g1 ? 'Liège' : 'Namur' },
    lastMessageAt,
    createdAt: '2025-01-01T00:00:00Z',
    unreadCount,
  }) as NewsItem;

describe('groupNews', () => {
  it('groups threads, newest first, with the unread total of each group', () => {
    const groups = groupNews([
      item('a', g1, '2025-06-10T08:00:00Z', 2),
      item('b', g2, '2025-06-10T09:00:00Z', 1),
      item('c', g1, '2025-06-10T10:00:00Z', 4),
    ]);
    expect(groups.map((g) => [g.group.bassinName, g.unread, g.threads.map((t) => t.id)])).toEqual([
      ['Liège', 6, ['c', 'a']],
      ['Namur', 1, ['b']],
    ]);
  });
});
