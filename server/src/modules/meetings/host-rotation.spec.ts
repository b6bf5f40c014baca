import { addMonthsOnWorkingDay } from '@affluents/contracts';
import { assignHosts, type HostHistory, rankHosts } from './host-rotation';

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
      startsAt: addMonthsOnWorkingDay(new Date('2027-01-15T09:00:00Z'), i),
    }));
    const hosts = assignHosts(slots, history).map((s) => s.host?.name);
    for (let round = 0; round * 5 < hosts.length; round++) {
      const chunk = hosts.slice(round * 5, round * 5 + 5);
      expect(new Set(chunk).size).toBe(chunk.length);
    }
    expect(hosts.slice(0, 5)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
