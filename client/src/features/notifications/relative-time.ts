import { BRUSSELS_TIME_ZONE } from '@affluents/contracts';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * "il y a 5 minutes", "hier" for recent events (`justNow` under a minute: Intl's "cette minute-ci" reads
 * oddly); after a week, the date in Brussels time, which reads better than "il y a 23 jours".
 */
export function relativeTime(iso: string, locale: string, justNow: string, now = new Date()): string {
  const date = new Date(iso);
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) >= 7 * 86_400) {
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      timeZone: BRUSSELS_TIME_ZONE,
    }).format(date);
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return justNow;
}

/** The full date and time, for the `title`/`dateTime` beside a relative time. */
export function fullDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: BRUSSELS_TIME_ZONE,
  }).format(new Date(iso));
}
