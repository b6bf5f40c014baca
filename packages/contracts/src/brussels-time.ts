import {
  CalendarDate,
  CalendarDateTime,
  fromDate,
  getDayOfWeek,
  parseDate,
  parseTime,
  toZoned,
  type ZonedDateTime,
} from '@internationalized/date';

/**
 * Brussels time, for the server and the client alike. The groups meet in Wallonia and Brussels: meetings,
 * polls, deadlines and digests follow the Brussels wall clock whatever the zone of the server or of the
 * reader's computer. The arithmetic (daylight-saving changes, month ends) is @internationalized/date's,
 * on the runtime's own time-zone data.
 */
export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

/** The wall clock of an instant in a zone (Brussels unless told): year, month 1-12, day, hour, minute, second. */
export function wallClock(instant: Date, timeZone: string = BRUSSELS_TIME_ZONE): ZonedDateTime {
  return fromDate(instant, timeZone);
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** "2026-03-03": the Brussels calendar day of an instant (date inputs, file names). */
export function brusselsDay(instant: Date): string {
  const c = wallClock(instant);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** "09:30": the Brussels clock time of an instant (time inputs). */
export function brusselsClockTime(instant: Date): string {
  const c = wallClock(instant);
  return `${pad(c.hour)}:${pad(c.minute)}`;
}

/**
 * The instant Brussels clocks show `date` (`2026-03-03`) at `time` (`14:00`), or null when either is not
 * such a value. A time skipped by the spring change moves forward; one repeated in autumn is its first.
 */
export function brusselsInstant(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  try {
    const day = parseDate(date);
    const clock = parseTime(time);
    const wall = new CalendarDateTime(day.year, day.month, day.day, clock.hour, clock.minute);
    return toZoned(wall, BRUSSELS_TIME_ZONE, 'compatible').toDate();
  } catch {
    return null;
  }
}

/** The hour (0-23) a zone's clocks show at `instant`, and the instant that local day began (its midnight). */
export function localDay(
  instant: Date,
  timeZone: string = BRUSSELS_TIME_ZONE,
): { hour: number; dayStart: Date } {
  const c = wallClock(instant, timeZone);
  const midnight = toZoned(new CalendarDate(c.year, c.month, c.day), timeZone, 'compatible');
  return { hour: c.hour, dayStart: midnight.toDate() };
}

/**
 * `months` calendar months after `instant`, at the same Brussels time of day across daylight-saving
 * changes (a 31st becomes the month's last day), moved to the next Monday when it falls on a weekend.
 */
export function addMonthsOnWorkingDay(instant: Date, months: number): Date {
  let next = wallClock(instant).add({ months });
  // getDayOfWeek with a Monday-first locale: 5 = Saturday, 6 = Sunday.
  const weekday = getDayOfWeek(next, 'fr-BE');
  if (weekday === 5) next = next.add({ days: 2 });
  else if (weekday === 6) next = next.add({ days: 1 });
  return next.toDate();
}
