import { addMonths, assignHosts, type HostHistory, rankHosts } from './host-rotation';

const org = (name: string, extra: Partial<HostHistory> = {}): HostHistory => ({
  id: `id-${name}`,
  name,
  lastHostedAt: null,
  hostedCount: 0,
  lastDeclinedAt: null,
  ...extra,
});

describe('host rotation', () => {
  it('puts never-hosted first, then the least recent, ties by fewest hosts then name', () => {
    const ranked = rankHosts([
      org('Delta', { lastHostedAt: new Date('2026-03-01'), hostedCount: 2 }),
      org('Charlie', { lastHostedAt: new Date('2026-01-01'), hostedCount: 3 }),
      org('Bravo'),
      org('Alpha', { lastHostedAt: new Date('2026-01-01'), hostedCount: 1 }),
      org('Écho'),
    ]);
    expect(ranked.map((h) => h.name)).toEqual(['Bravo', 'Écho', 'Alpha', 'Charlie', 'Delta']);
  });

  it('sends an organisation that declined since it last hosted behind those who did not', () => {
    const ranked = rankHosts([
      org('Alpha', { lastDeclinedAt: new Date('2026-05-01') }),
      org('Bravo', { lastHostedAt: new Date('2026-04-01'), hostedCount: 1 }),
      org('Charlie', {
        lastHostedAt: new Date('2026-01-01'),
        hostedCount: 1,
        lastDeclinedAt: new Date('2025-12-01'),
      }),
    ]);
    expect(ranked.map((h) => h.name)).toEqual(['Charlie', 'Bravo', 'Alpha']);
  });

  it('over a year, every organisation hosts once before any hosts twice', () => {
    const history = ['A', 'B', 'C', 'D', 'E'].map((n) => org(n));
    const slots = Array.from({ length: 12 }, (_, i) => ({
      startsAt: addMonths(new Date('2027-01-15T09:00:00Z'), i),
    }));
    const hosts = assignHosts(slots, history).map((s) => s.host?.name);
    for (let round = 0; round * 5 < hosts.length; round++) {
      const chunk = hosts.slice(round * 5, round * 5 + 5);
      expect(new Set(chunk).size).toBe(chunk.length);
    }
    expect(hosts.slice(0, 5)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('adds months on the calendar, clamping to the last day of a short month', () => {
    // 31 January 2027 + 1 month: 28 February 2027 is a Sunday, so Monday 1 March, same Brussels time.
    expect(addMonths(new Date('2027-01-31T09:00:00Z'), 1).toISOString()).toBe('2027-03-01T09:00:00.000Z');
    // 15 November 2027 + 2 months: Saturday 15 January 2028 becomes Monday 17 January.
    expect(addMonths(new Date('2027-11-15T09:00:00Z'), 2).toISOString()).toBe('2028-01-17T09:00:00.000Z');
    expect(addMonths(new Date('2027-11-16T09:00:00Z'), 2).toISOString()).toBe('2028-01-17T09:00:00.000Z');
  });

  it('keeps the Brussels time of day across the change to summer time and back', () => {
    // Tuesday 8 December 2026, 09:30 in Brussels (UTC+1) -> Thursday 8 April 2027, 09:30 in Brussels (UTC+2).
    expect(addMonths(new Date('2026-12-08T08:30:00Z'), 4).toISOString()).toBe('2027-04-08T07:30:00.000Z');
    // And back to winter: Friday 8 October 2027 09:30 (UTC+2) -> Wednesday 8 December 2027 09:30 (UTC+1).
    expect(addMonths(new Date('2027-10-08T07:30:00Z'), 2).toISOString()).toBe('2027-12-08T08:30:00.000Z');
  });
});
