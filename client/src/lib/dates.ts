import { type DateKind, formatDateAs } from '@affluents/contracts';
import { localeOf } from '../i18n';

/**
 * Every date the screens show, by kind (`dateFormats` in the contracts, shared with the mails and PDFs):
 * `day` « lundi 7 décembre 2026 », `dayTime` « lundi 7 décembre 2026 à 14:30 », `time` « 14:30 »,
 * `tableDate` « 7 déc. 2026 », in Brussels time; a calendar day (`2026-12-07`) stays that day.
 */
export function formatDate(kind: DateKind, value: string | Date, language: string): string {
  return formatDateAs(kind, value, localeOf(language));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * Recent activity: « il y a 5 minutes », « hier » (`justNow` under a minute: Intl's « cette minute-ci »
 * reads oddly); after a week, the `tableDate`, which reads better than « il y a 23 jours ».
 */
export function formatRelative(iso: string, language: string, justNow: string, now = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) >= 7 * 86_400) return formatDate('tableDate', iso, language);
  const format = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return justNow;
}
