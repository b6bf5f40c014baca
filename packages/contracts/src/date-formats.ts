import { BRUSSELS_TIME_ZONE } from './brussels-time';

/**
 * One format per kind of date, for the screens, the mails and the PDFs alike (Brussels time):
 * - `day`: a day that matters (a meeting, a deadline, a publication): « lundi 7 décembre 2026 »;
 * - `dayTime`: a moment (a slot, the end of a review, a version): « lundi 7 décembre 2026 à 14:30 »;
 * - `time`: the hour of a day already shown: « 14:30 »;
 * - `tableDate`: a date in a table or a compact list: « 7 déc. 2026 ».
 * Recent activity reads relative (« il y a 5 minutes », client side: `client/src/lib/dates.ts`).
 */
export const dateFormats = {
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  dayTime: { dateStyle: 'full', timeStyle: 'short' },
  time: { hour: '2-digit', minute: '2-digit' },
  tableDate: { day: 'numeric', month: 'short', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateKind = keyof typeof dateFormats;

/** A calendar day without time (`2026-12-07`, a due date): the same day wherever it is read. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `value` (an ISO timestamp, a Date, or a calendar day `YYYY-MM-DD`) as the `kind` of date reads in
 * `locale` (`fr-BE` for mails and PDFs), in Brussels time.
 */
export function formatDateAs(kind: DateKind, value: string | Date, locale: string): string {
  const calendarDay = typeof value === 'string' && CALENDAR_DAY.test(value);
  // A calendar day is read at noon UTC in UTC: no zone moves it to the day before or after.
  const instant = calendarDay ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const timeZone = calendarDay ? 'UTC' : BRUSSELS_TIME_ZONE;
  const key = `${kind}|${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...dateFormats[kind], timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}
