import { formatDateAs, wallClock } from '@affluents/contracts';
import type { ICalDayJsStub } from 'ical-generator';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as ical-generator's time-zone-aware date interface expects (the day.js shape): given a plain
 * JS Date, ical-generator writes the server's local clock under TZID=Europe/Brussels, which is wrong on
 * any server not set to Brussels. This adapter writes the true Brussels wall time, DST included, using
 * the runtime's own time zone data (through @affluents/contracts' Brussels time).
 */
export class ZonedInstant implements ICalDayJsStub {
  /**
   * `stampInUtc`: DTSTAMP must be written in UTC with a 'Z' (RFC 5545 3.8.7.2), but once the calendar has
   * a time zone ical-generator formats it in that zone without a 'Z'; such an instant stays in UTC.
   */
  constructor(
    private readonly instant: Date,
    private readonly zone: string = 'UTC',
    private readonly stampInUtc = false,
  ) {}

  /** A DTSTAMP value: always UTC, marked 'Z'. */
  static stamp(instant: Date): ZonedInstant {
    return new ZonedInstant(instant, 'UTC', true);
  }

  tz(zone?: string): ZonedInstant {
    if (this.stampInUtc || !zone) return this;
    return new ZonedInstant(this.instant, zone);
  }

  utc(): ZonedInstant {
    return new ZonedInstant(this.instant, 'UTC', this.stampInUtc);
  }

  format(format?: string): string {
    const c = wallClock(this.instant, this.zone);
    if (format === 'YYYYMMDD') return `${String(c.year).padStart(4, '0')}${two(c.month)}${two(c.day)}`;
    if (format === 'HHmmss')
      return `${two(c.hour)}${two(c.minute)}${two(c.second)}${this.stampInUtc ? 'Z' : ''}`;
    return this.instant.toISOString();
  }

  isValid(): boolean {
    return !Number.isNaN(this.instant.getTime());
  }

  toDate(): Date {
    return new Date(this.instant);
  }

  toJSON(): string {
    return this.instant.toISOString();
  }
}

const dayFormat = { format: (date: Date) => formatDateAs('day', date, 'fr-BE') };
const timeFormat = { format: (date: Date) => formatDateAs('time', date, 'fr-BE') };

/** "jeudi 15 janvier 2026 de 14:00 à 16:00" (Brussels time), for mails and descriptions. */
export function frenchSlot(startsAt: Date, endsAt: Date | null): string {
  const day = dayFormat.format(startsAt);
  const from = timeFormat.format(startsAt).replace('.', ':');
  if (!endsAt) return `${day} à ${from}`;
  const to = timeFormat.format(endsAt).replace('.', ':');
  return dayFormat.format(endsAt) === day ? `${day} de ${from} à ${to}` : `${day} à ${from}`;
}
