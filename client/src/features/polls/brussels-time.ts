import { formatDate } from '../../i18n';

/** Meetings and deadlines are in Belgium whatever the reader's computer says. */
export const TIME_ZONE = 'Europe/Brussels';

/** Milliseconds Brussels is ahead of UTC at `instant`. */
function offsetAt(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - instant;
}

/** The UTC instant of a wall-clock date (`2026-03-03`) and time (`14:00`) in Brussels, or null. */
export function brusselsToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]);
  // Two passes settle the offset around a daylight-saving change.
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** "mardi 3 mars 2026 à 14:00", in Brussels time and the interface language. */
export function formatMoment(iso: string, language: string): string {
  return formatDate(iso, language, { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE });
}

/** "14:00", in Brussels time. */
export function formatClock(iso: string, language: string): string {
  return formatDate(iso, language, { timeStyle: 'short', timeZone: TIME_ZONE });
}

/** A slot as one line: its day and start, and its end time when it has one. */
export function formatSlot(
  slot: { startsAt: string | null; endsAt: string | null; label: string },
  language: string,
) {
  if (!slot.startsAt) return slot.label;
  const start = formatMoment(slot.startsAt, language);
  return slot.endsAt ? `${start} – ${formatClock(slot.endsAt, language)}` : start;
}
