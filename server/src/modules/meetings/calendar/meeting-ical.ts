import { BRUSSELS_TIME_ZONE } from '@affluents/contracts';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { frenchSlot, ZonedInstant } from './brussels-time';
import type { CalendarMeeting } from './calendar-meeting-rows';

// A meeting without an end time still blocks a slot in calendars: two hours, the usual length.
const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

/** The stable iCalendar UID of a meeting: calendars update (or remove) the same entry when it changes. */
export const meetingUid = (meetingId: string) => `${meetingId}@affluents`;

/** The meeting page in the app. */
export const meetingPageUrl = (publicUrl: string, meetingId: string) =>
  `${publicUrl}/rencontres/${meetingId}`;

/** A group's page in the app, where its meetings are listed. */
export const groupPageUrl = (publicUrl: string, groupId: string) => `${publicUrl}/groupes/${groupId}`;

function describe(meeting: CalendarMeeting, url: string): string {
  const kind = meeting.kind === 'thematic' ? 'Focus thématique' : 'Rencontre';
  const lines = [
    `${kind} du groupe ${meeting.groupLabel}.`,
    ...(meeting.status === 'cancelled' ? ['Cette rencontre est annulée.'] : []),
    `Ordre du jour, discussion et réponses : ${url}`,
  ];
  return lines.join('\n');
}

/**
 * An iCalendar file of dated meetings, times in Europe/Brussels with its VTIMEZONE. `method` PUBLISH for
 * a file sent or downloaded once; none for a subscribed feed. Meetings without a date are left out.
 */
export function renderMeetingsCalendar(
  meetings: CalendarMeeting[],
  options: { publicUrl: string; name: string; method?: 'publish' },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Affluents', product: 'Rencontres', language: 'FR' },
    timezone: { name: BRUSSELS_TIME_ZONE, generator: getVtimezoneComponent },
    ...(options.method === 'publish' ? { method: ICalCalendarMethod.PUBLISH } : {}),
  });
  for (const meeting of meetings) {
    if (!meeting.startsAt) continue;
    const url = meetingPageUrl(options.publicUrl, meeting.id);
    const endsAt = meeting.endsAt ?? new Date(meeting.startsAt.getTime() + DEFAULT_LENGTH_MS);
    calendar.createEvent({
      id: meetingUid(meeting.id),
      sequence: meeting.sequence,
      stamp: ZonedInstant.stamp(meeting.updatedAt),
      start: new ZonedInstant(meeting.startsAt),
      end: new ZonedInstant(endsAt),
      timezone: BRUSSELS_TIME_ZONE,
      summary: `${meeting.title} — ${meeting.groupLabel}`,
      description: `${frenchSlot(meeting.startsAt, meeting.endsAt)}\n${describe(meeting, url)}`,
      location: meeting.location,
      url,
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
