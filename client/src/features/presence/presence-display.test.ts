import type { PresenceEntry } from '@affluents/contracts';
import { describe, expect, it } from 'vitest';
import { userColor } from '../../lib/user-color';
import { presenceDisplay } from './presence-display';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const entry = (n: number, displayName: string, online: boolean, lastSeenAt: string): PresenceEntry => ({
  userId: id(n),
  displayName,
  online,
  lastSeenAt,
});
const now = new Date('2025-06-10T12:40:00Z');

describe('presenceDisplay', () => {
  it('lists me first, then the others by name, with initials and a stable colour', () => {
    const { online, recent } = presenceDisplay(
      [
        entry(1, 'Zoé Martin', true, '2025-06-10T12:39:00Z'),
        entry(2, 'Émile Dubois', true, '2025-06-10T12:39:00Z'),
        entry(3, 'Sophie Lambert', true, '2025-06-10T12:39:00Z'),
      ],
      { selfId: id(3), locale: 'fr-BE', now },
    );
    expect(online.map((p) => p.name)).toEqual(['Sophie Lambert', 'Émile Dubois', 'Zoé Martin']);
    expect(online[0]).toMatchObject({ initials: 'SL', isSelf: true, color: userColor(id(3)) });
    expect(recent).toEqual([]);
  });

  it('shows the recently gone, latest first, with their time in Brussels', () => {
    const { online, recent } = presenceDisplay(
      [
        entry(1, 'Zoé Martin', false, '2025-06-10T12:02:00Z'),
        entry(2, 'Émile Dubois', false, '2025-06-10T12:32:00Z'),
      ],
      { locale: 'fr-BE', now },
    );
    expect(online).toEqual([]);
    // Summer time: UTC+2.
    expect(recent).toEqual([
      { id: id(2), name: 'Émile Dubois', seenAt: '14:32', seenOn: null },
      { id: id(1), name: 'Zoé Martin', seenAt: '14:02', seenOn: null },
    ]);
  });

  it('adds the date when the person was last seen on another day', () => {
    const { recent } = presenceDisplay([entry(1, 'Zoé Martin', false, '2025-06-09T21:55:00Z')], {
      locale: 'fr-BE',
      now: new Date('2025-06-09T22:30:00Z'),
    });
    // 23:55 on the 9th and 00:30 on the 10th in Brussels: two different days.
    expect(recent).toEqual([{ id: id(1), name: 'Zoé Martin', seenAt: '23:55', seenOn: '9 juin 2025' }]);
  });

  it('counts a person once, online winning over an older offline entry', () => {
    const { online, recent } = presenceDisplay(
      [
        entry(1, 'Zoé Martin', false, '2025-06-10T12:30:00Z'),
        entry(1, 'Zoé Martin', true, '2025-06-10T12:20:00Z'),
      ],
      { locale: 'fr-BE', now },
    );
    expect(online.map((p) => p.id)).toEqual([id(1)]);
    expect(recent).toEqual([]);
  });
});
