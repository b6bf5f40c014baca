import { describe, expect, it } from 'vitest';
import { brusselsToIso, formatClock, formatSlot } from './brussels-time';

describe('poll slots in Brussels time', () => {
  it('turns what the form says (Brussels wall clock) into the UTC instant, winter and summer', () => {
    expect(brusselsToIso('2031-03-03', '09:30')).toBe('2031-03-03T08:30:00.000Z');
    expect(brusselsToIso('2031-07-03', '09:30')).toBe('2031-07-03T07:30:00.000Z');
    expect(brusselsToIso('', '09:30')).toBeNull();
  });

  it('shows clock times in Brussels whatever the browser’s zone', () => {
    expect(formatClock('2031-07-03T07:30:00.000Z', 'fr')).toBe('09:30');
  });

  it('writes a slot as its day and start, with its end time when it has one, or else its label', () => {
    const start = '2031-03-03T08:30:00.000Z';
    const alone = formatSlot({ startsAt: start, endsAt: null, label: 'x' }, 'fr');
    expect(alone).toMatch(/lundi 3 mars 2031/);
    expect(alone).toMatch(/09:30$/);
    expect(formatSlot({ startsAt: start, endsAt: '2031-03-03T11:00:00.000Z', label: 'x' }, 'fr')).toBe(
      `${alone} – 12:00`,
    );
    expect(formatSlot({ startsAt: null, endsAt: null, label: 'Un soir de semaine' }, 'fr')).toBe(
      'Un soir de semaine',
    );
  });
});
