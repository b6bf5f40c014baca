import { describe, expect, it } from 'vitest';
import {
  brusselsParts,
  brusselsToIso,
  formatDuration,
  formatMeetingRange,
  isOnALaterDay,
  meetingTimes,
  minutesBetween,
} from './meeting-time';

describe('meeting times in Brussels', () => {
  it('formats a winter meeting in French, one hour ahead of UTC', () => {
    expect(formatMeetingRange('2026-03-03T08:30:00.000Z', '2026-03-03T11:30:00.000Z', 'fr')).toBe(
      'mardi 3 mars 2026, 09:30 – 12:30',
    );
  });

  it('formats a summer meeting two hours ahead of UTC', () => {
    expect(formatMeetingRange('2026-06-16T07:30:00.000Z', '2026-06-16T10:30:00.000Z', 'fr')).toBe(
      'mardi 16 juin 2026, 09:30 – 12:30',
    );
  });

  it('keeps the wall clock across the spring change (29 March 2026)', () => {
    const before = meetingTimes('2026-03-28', '09:30', '12:30');
    const after = meetingTimes('2026-03-30', '09:30', '12:30');
    expect(before).toEqual({ startsAt: '2026-03-28T08:30:00.000Z', endsAt: '2026-03-28T11:30:00.000Z' });
    expect(after).toEqual({ startsAt: '2026-03-30T07:30:00.000Z', endsAt: '2026-03-30T10:30:00.000Z' });
  });

  it('counts the real length of a night that crosses the autumn change', () => {
    // 25 October 2026: 03:00 summer time becomes 02:00 winter time, the night lasts one hour more.
    const start = brusselsToIso('2026-10-25', '00:00');
    const end = brusselsToIso('2026-10-25', '04:00');
    expect(minutesBetween(start, end)).toBe(5 * 60);
  });

  it('gives back the Brussels date and time of an instant for the form fields', () => {
    expect(brusselsParts('2026-10-24T22:30:00.000Z')).toEqual({ date: '2026-10-25', time: '00:30' });
    expect(brusselsParts('2026-01-05T23:15:00.000Z')).toEqual({ date: '2026-01-06', time: '00:15' });
    const iso = '2026-07-01T12:05:00.000Z';
    const { date, time } = brusselsParts(iso);
    expect(brusselsToIso(date, time)).toBe(iso);
  });

  it('refuses an end before the start or an incomplete form', () => {
    expect(meetingTimes('2026-03-03', '12:00', '09:00')).toBeNull();
    expect(meetingTimes('2026-03-03', '', '09:00')).toBeNull();
    expect(minutesBetween(null, '2026-03-03T09:00:00.000Z')).toBe(0);
  });

  it('says durations as people do', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(180)).toBe('3 h');
    expect(formatDuration(210)).toBe('3 h 30');
    expect(formatDuration(65)).toBe('1 h 05');
  });
});

describe('isOnALaterDay', () => {
  it('compares the days in Brussels, not in UTC nor on the reader’s computer', () => {
    // 23:30 in Brussels on 9 March is still 9 March; the meeting of the 10th at 00:30 is a later day.
    const lateEvening = new Date('2026-03-09T22:30:00.000Z');
    expect(isOnALaterDay('2026-03-09T23:30:00.000Z', lateEvening)).toBe(true);
    expect(isOnALaterDay('2026-03-09T18:00:00.000Z', lateEvening)).toBe(false);
    expect(isOnALaterDay('2026-03-08T09:00:00.000Z', lateEvening)).toBe(false);
    expect(isOnALaterDay(null, lateEvening)).toBe(false);
  });
});
