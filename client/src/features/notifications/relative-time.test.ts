import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const now = new Date('2025-06-10T12:00:00Z');
const at = (iso: string) => relativeTime(iso, 'fr-BE', 'à l’instant', now);

describe('relativeTime', () => {
  it('says "just now" under a minute, then minutes, hours, days', () => {
    expect(at('2025-06-10T11:59:30Z')).toBe('à l’instant');
    expect(at('2025-06-10T11:55:00Z')).toBe('il y a 5 minutes');
    expect(at('2025-06-10T09:00:00Z')).toBe('il y a 3 heures');
    expect(at('2025-06-09T10:00:00Z')).toBe('hier');
  });

  it('gives the date after a week', () => {
    expect(at('2025-05-20T10:00:00Z')).toBe('20 mai');
  });
});
