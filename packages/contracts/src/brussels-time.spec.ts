import {
  addMonthsOnWorkingDay,
  brusselsClockTime,
  brusselsDay,
  brusselsInstant,
  localDay,
  wallClock,
} from './brussels-time';

describe('Brussels time', () => {
  it('reads the Brussels wall clock of an instant, in winter (UTC+1) and summer (UTC+2)', () => {
    const winter = wallClock(new Date('2026-12-08T08:30:00Z'));
    expect([winter.year, winter.month, winter.day, winter.hour, winter.minute]).toEqual([2026, 12, 8, 9, 30]);
    const summer = wallClock(new Date('2027-07-01T22:15:00Z'));
    expect([summer.year, summer.month, summer.day, summer.hour, summer.minute]).toEqual([2027, 7, 2, 0, 15]);
    expect(wallClock(new Date('2027-07-01T22:15:00Z'), 'UTC').hour).toBe(22);
  });

  it('gives the Brussels day and clock time of an instant (date and time inputs)', () => {
    expect(brusselsDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(brusselsClockTime(new Date('2026-12-31T23:30:00Z'))).toBe('00:30');
    expect(brusselsClockTime(new Date('2027-06-01T07:05:00Z'))).toBe('09:05');
  });

  it('turns a Brussels date and time into the instant, across daylight-saving changes', () => {
    expect(brusselsInstant('2026-03-03', '14:00')?.toISOString()).toBe('2026-03-03T13:00:00.000Z');
    expect(brusselsInstant('2026-07-03', '14:00')?.toISOString()).toBe('2026-07-03T12:00:00.000Z');
    // 29 March 2026, 02:30 does not exist in Brussels (clocks jump from 02:00 to 03:00): it moves forward.
    expect(brusselsInstant('2026-03-29', '02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026, 02:30 happens twice: the first one (still summer time).
    expect(brusselsInstant('2026-10-25', '02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(brusselsInstant('2026-3-3', '14:00')).toBeNull();
    expect(brusselsInstant('2026-02-30', '14:00')).toBeNull();
    expect(brusselsInstant('2026-03-03', '25:00')).toBeNull();
    expect(brusselsInstant('', '')).toBeNull();
  });

  it('gives the local hour and the midnight that began the local day', () => {
    const { hour, dayStart } = localDay(new Date('2026-12-08T06:10:00Z'));
    expect(hour).toBe(7);
    expect(dayStart.toISOString()).toBe('2026-12-07T23:00:00.000Z');
    // The day of the spring change began at midnight winter time.
    expect(localDay(new Date('2026-03-29T12:00:00Z')).dayStart.toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(localDay(new Date('2026-03-29T12:00:00Z'), 'UTC').dayStart.toISOString()).toBe(
      '2026-03-29T00:00:00.000Z',
    );
  });

  it('adds months on the calendar, clamping to the last day of a short month', () => {
    // 31 January 2027 + 1 month: 28 February 2027 is a Sunday, so Monday 1 March, same Brussels time.
    expect(addMonthsOnWorkingDay(new Date('2027-01-31T09:00:00Z'), 1).toISOString()).toBe(
      '2027-03-01T09:00:00.000Z',
    );
    // 15 November 2027 + 2 months: Saturday 15 January 2028 becomes Monday 17 January.
    expect(addMonthsOnWorkingDay(new Date('2027-11-15T09:00:00Z'), 2).toISOString()).toBe(
      '2028-01-17T09:00:00.000Z',
    );
    expect(addMonthsOnWorkingDay(new Date('2027-11-16T09:00:00Z'), 2).toISOString()).toBe(
      '2028-01-17T09:00:00.000Z',
    );
  });

  it('keeps the Brussels time of day across the change to summer time and back', () => {
    // Tuesday 8 December 2026, 09:30 in Brussels (UTC+1) -> Thursday 8 April 2027, 09:30 in Brussels (UTC+2).
    expect(addMonthsOnWorkingDay(new Date('2026-12-08T08:30:00Z'), 4).toISOString()).toBe(
      '2027-04-08T07:30:00.000Z',
    );
    // And back to winter: Friday 8 October 2027 09:30 (UTC+2) -> Wednesday 8 December 2027 09:30 (UTC+1).
    expect(addMonthsOnWorkingDay(new Date('2027-10-08T07:30:00Z'), 2).toISOString()).toBe(
      '2027-12-08T08:30:00.000Z',
    );
  });
});
