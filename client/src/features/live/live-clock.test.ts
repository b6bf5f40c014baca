import { describe, expect, it } from 'vitest';
import { clockOffset, formatDuration, itemTimer } from './live-clock';

describe('formatDuration', () => {
  it('shows minutes and seconds, padded', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(750_000)).toBe('12:30');
    expect(formatDuration(20 * 60_000)).toBe('20:00');
    expect(formatDuration(59_999)).toBe('00:59');
  });
  it('shows hours past an hour and never goes negative', () => {
    expect(formatDuration(65 * 60_000)).toBe('1:05:00');
    expect(formatDuration(-5000)).toBe('00:00');
  });
});

describe('clockOffset', () => {
  it('is how far the server is ahead of the local clock', () => {
    const local = Date.parse('2026-11-23T10:00:00Z');
    expect(clockOffset('2026-11-23T10:02:00Z', local)).toBe(120_000);
    expect(clockOffset('2026-11-23T09:59:30Z', local)).toBe(-30_000);
  });
  it('ignores a malformed server time', () => {
    expect(clockOffset('not a date', 1000)).toBe(0);
  });
});

describe('itemTimer', () => {
  const started = '2026-11-23T10:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts from the item start in server time, whatever the local clock says', () => {
    // The local clock is 3 minutes behind the server.
    const offset = 180_000;
    const timer = itemTimer(started, 20, at('2026-11-23T10:09:30Z'), offset);
    expect(timer.label).toBe('12:30 / 20:00');
    expect(timer.overTime).toBe(false);
  });

  it('turns over time past the planned duration, and says by how much', () => {
    const timer = itemTimer(started, 20, at('2026-11-23T10:21:05Z'), 0);
    expect(timer.overTime).toBe(true);
    expect(timer.overByMs).toBe(65_000);
    expect(timer.label).toBe('21:05 / 20:00');
  });

  it('is exactly on time at the planned duration, and never over time for an item without duration', () => {
    expect(itemTimer(started, 20, at('2026-11-23T10:20:00Z'), 0).overTime).toBe(false);
    expect(itemTimer(started, 0, at('2026-11-23T11:00:00Z'), 0).overTime).toBe(false);
  });

  it('shows zero before the start and when the server is slightly ahead of the item start', () => {
    expect(itemTimer(null, 10, at('2026-11-23T10:05:00Z'), 0).label).toBe('00:00 / 10:00');
    expect(itemTimer(started, 10, at('2026-11-23T09:59:59Z'), 0).elapsedMs).toBe(0);
  });
});
