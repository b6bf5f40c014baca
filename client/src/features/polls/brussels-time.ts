import { brusselsInstant } from '@affluents/contracts';
import { formatDate } from '../../lib/dates';

/** The UTC instant (ISO) of a wall-clock date (`2026-03-03`) and time (`14:00`) in Brussels, or null. */
export function brusselsToIso(date: string, time: string): string | null {
  return brusselsInstant(date, time)?.toISOString() ?? null;
}

/** "mardi 3 mars 2026 à 14:00", in Brussels time and the interface language. */
export function formatMoment(iso: string, language: string): string {
  return formatDate('dayTime', iso, language);
}

/** "14:00", in Brussels time. */
export function formatClock(iso: string, language: string): string {
  return formatDate('time', iso, language);
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
