import { describe, expect, it } from 'vitest';
import { formatDate, formatRelative } from './dates';

describe('one format per kind of date', () => {
  // 13:30 UTC is 14:30 in Brussels in December.
  const moment = '2026-12-07T13:30:00.000Z';

  it('reads each kind the same way everywhere, in Brussels time', () => {
    expect(formatDate('day', moment, 'fr')).toBe('lundi 7 décembre 2026');
    expect(formatDate('dayTime', moment, 'fr')).toBe('lundi 7 décembre 2026 à 14:30');
    expect(formatDate('time', moment, 'fr')).toBe('14:30');
    expect(formatDate('tableDate', moment, 'fr')).toBe('7 déc. 2026');
    expect(formatDate('day', moment, 'en')).toBe('Monday, 7 December 2026');
  });

  it('keeps a calendar day (a due date) on its day, and a late evening on its Brussels day', () => {
    expect(formatDate('day', '2026-12-07', 'fr')).toBe('lundi 7 décembre 2026');
    // 23:30 UTC on the 7th is already the 8th in Brussels.
    expect(formatDate('day', '2026-12-07T23:30:00.000Z', 'fr')).toBe('mardi 8 décembre 2026');
  });

  it('reads recent activity relative, then as a table date after a week', () => {
    const now = new Date(moment);
    const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
    expect(formatRelative(ago(20), 'fr', 'à l’instant', now)).toBe('à l’instant');
    expect(formatRelative(ago(5 * 60), 'fr', 'à l’instant', now)).toBe('il y a 5 minutes');
    expect(formatRelative(ago(86_400), 'fr', 'à l’instant', now)).toBe('hier');
    expect(formatRelative(ago(10 * 86_400), 'fr', 'à l’instant', now)).toBe('27 nov. 2026');
  });
});
