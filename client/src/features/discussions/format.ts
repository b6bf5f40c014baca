import { formatDate } from '../../lib/dates';

/** "14:32" in the interface language. */
export function formatTime(iso: string, language: string): string {
  return formatDate('time', iso, language);
}

/** The local calendar day of a time, to put a separator between days. */
export function dayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** "aujourd'hui" / "hier" come from the caller; other days read "mardi 4 mars 2025". */
export function formatDay(iso: string, language: string): string {
  return formatDate('day', iso, language);
}

/** A short "when" for lists: the time today, else the date. */
export function formatWhen(iso: string, language: string): string {
  if (dayKey(iso) === dayKey(new Date().toISOString())) return formatTime(iso, language);
  return formatDate('tableDate', iso, language);
}

/** The server's sanitised HTML, refused outright if a script tag slipped through anyway. */
export function safeHtml(html: string): string | null {
  return /<script/i.test(html) ? null : html;
}
