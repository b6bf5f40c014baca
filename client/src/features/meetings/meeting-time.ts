import { brusselsClockTime, brusselsDay } from '@affluents/contracts';
import { formatDate } from '../../lib/dates';
import { brusselsToIso } from '../polls/brussels-time';

export { brusselsToIso };

/** "mardi 3 mars 2026", the day of a meeting in Brussels whatever the reader's computer says. */
export function formatMeetingDay(iso: string, language: string): string {
  return formatDate('day', iso, language);
}

/** Whether a meeting starting at `startsAt` is on a later day than `now`, both days taken in Brussels. */
export function isOnALaterDay(startsAt: string | null, now: Date = new Date()): boolean {
  return startsAt !== null && brusselsDay(new Date(startsAt)) > brusselsDay(now);
}

/** "09:30", in Brussels time. */
export function formatMeetingClock(iso: string, language: string): string {
  return formatDate('time', iso, language);
}

/** "mardi 3 mars 2026, 09:30 – 12:30" (a meeting never spans midnight in practice; if so, both days). */
export function formatMeetingRange(startsAt: string, endsAt: string | null, language: string): string {
  const day = formatMeetingDay(startsAt, language);
  const start = formatMeetingClock(startsAt, language);
  if (!endsAt) return `${day}, ${start}`;
  const sameDay = brusselsParts(startsAt).date === brusselsParts(endsAt).date;
  const end = sameDay
    ? formatMeetingClock(endsAt, language)
    : `${formatMeetingDay(endsAt, language)}, ${formatMeetingClock(endsAt, language)}`;
  return `${day}, ${start} – ${end}`;
}

/** The wall-clock date (`2026-03-03`) and time (`09:30`) of an instant in Brussels, for date and time inputs. */
export function brusselsParts(iso: string): { date: string; time: string } {
  const instant = new Date(iso);
  return { date: brusselsDay(instant), time: brusselsClockTime(instant) };
}

/** Whole minutes between two instants (0 when either is missing or the order is wrong). */
export function minutesBetween(startsAt: string | null, endsAt: string | null): number {
  if (!startsAt || !endsAt) return 0;
  const ms = new Date(endsAt).getTime() - new Date(startsAt).getTime();
  return ms > 0 ? Math.round(ms / 60_000) : 0;
}

/** A meeting's times from a Brussels date and two clock times, or null when incomplete or reversed. */
export function meetingTimes(
  date: string,
  start: string,
  end: string,
): { startsAt: string; endsAt: string } | null {
  const startsAt = brusselsToIso(date, start);
  const endsAt = brusselsToIso(date, end);
  if (!startsAt || !endsAt || endsAt <= startsAt) return null;
  return { startsAt, endsAt };
}

/** "3 h 30", "45 min": a duration as people say it. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}
