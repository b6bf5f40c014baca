/** The wall clock of an instant in a time zone: its hour and the instant its local day began. */
export function localDay(now: Date, timeZone: string): { hour: number; dayStart: Date } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(now)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const wallClockAsUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  const offsetMs = wallClockAsUtc - Math.floor(now.getTime() / 1000) * 1000;
  // Midnight of that local day, at the current UTC offset (a DST change happens at 2-3 am, after it).
  const dayStart = new Date(Date.UTC(parts.year, parts.month - 1, parts.day) - offsetMs);
  return { hour: parts.hour, dayStart };
}
