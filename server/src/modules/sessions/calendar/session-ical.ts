import { BRUSSELS_TIME_ZONE } from '@affluents/contracts';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { frenchSlot, ZonedInstant } from './brussels-time';
import type { CalendarSession } from './calendar-sessions';

// A session without an end time still blocks a slot in calendars: two hours, the usual length.
const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

/** The stable iCalendar UID of a session: calendars update (or remove) the same entry when it changes. */
export const sessionUid = (sessionId: string) => `${sessionId}@affluents`;

/** The session page in the app. */
export const sessionPageUrl = (publicUrl: string, sessionId: string) =>
  `${publicUrl}/rencontres/${sessionId}`;

function describe(session: CalendarSession, url: string): string {
  const kind = session.kind === 'thematic' ? 'Focus thématique' : 'Rencontre';
  const lines = [
    `${kind} du groupe ${session.groupLabel}.`,
    ...(session.status === 'cancelled' ? ['Cette rencontre est annulée.'] : []),
    `Ordre du jour, discussion et réponses : ${url}`,
  ];
  return lines.join('\n');
}

/**
 * An iCalendar file of dated sessions, times in Europe/Brussels with its VTIMEZONE. `method` PUBLISH for
 * a file sent or downloaded once; none for a subscribed feed. Sessions without a date are left out.
 */
export function renderSessionsCalendar(
  sessions: CalendarSession[],
  options: { publicUrl: string; name: string; method?: 'publish' },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Affluents', product: 'Rencontres', language: 'FR' },
    timezone: { name: BRUSSELS_TIME_ZONE, generator: getVtimezoneComponent },
    ...(options.method === 'publish' ? { method: ICalCalendarMethod.PUBLISH } : {}),
  });
  for (const session of sessions) {
    if (!session.startsAt) continue;
    const url = sessionPageUrl(options.publicUrl, session.id);
    const endsAt = session.endsAt ?? new Date(session.startsAt.getTime() + DEFAULT_LENGTH_MS);
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.sequence,
      stamp: ZonedInstant.stamp(session.updatedAt),
      start: new ZonedInstant(session.startsAt),
      end: new ZonedInstant(endsAt),
      timezone: BRUSSELS_TIME_ZONE,
      summary: `${session.title} — ${session.groupLabel}`,
      description: `${frenchSlot(session.startsAt, session.endsAt)}\n${describe(session, url)}`,
      location: session.location,
      url,
      status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
