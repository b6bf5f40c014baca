import { brusselsDay, type Subject } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { conflict, notFound } from '../../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import type { MailAttachment } from '../../../infra/mail/mail-outbox.entity';
import { MeetingAccess } from '../meeting-access';
import { type CalendarMeeting, CalendarMeetings } from './calendar-meeting-rows';
import { renderMeetingsCalendar } from './meeting-ical';

/** The .ics file of one meeting: downloaded from its page, attached to its invitation and change mails. */
@Injectable()
export class MeetingCalendarFiles {
  constructor(
    private readonly access: MeetingAccess,
    private readonly meetings: CalendarMeetings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The file for a caller who may see the meeting (404 otherwise); 409 while the meeting has no date. */
  async forViewer(meetingId: string, subject: Subject): Promise<MailAttachment> {
    await this.access.assert(meetingId, subject, 'meeting.view');
    const meeting = await this.meetings.one(meetingId);
    if (!meeting) throw notFound('Rencontre introuvable');
    if (!meeting.startsAt) throw conflict('Cette rencontre n’a pas encore de date');
    return this.fileOf(meeting);
  }

  /** The file of a dated meeting, as a mail attachment. */
  fileOf(meeting: CalendarMeeting): MailAttachment {
    const day = meeting.startsAt ? brusselsDay(meeting.startsAt) : 'sans-date';
    return this.attachment(`rencontre-${day}.ics`, [meeting], meeting.title);
  }

  /** One file holding several dated meetings of a group (a planned year), in date order. */
  fileOfSeries(meetings: Array<CalendarMeeting & { startsAt: Date }>): MailAttachment {
    const first = brusselsDay(meetings[0].startsAt);
    const last = brusselsDay(meetings[meetings.length - 1].startsAt);
    return this.attachment(`rencontres-${first}-${last}.ics`, meetings, meetings[0].groupLabel);
  }

  private attachment(filename: string, meetings: CalendarMeeting[], name: string): MailAttachment {
    return {
      filename,
      contentType: 'text/calendar; charset=utf-8',
      content: renderMeetingsCalendar(meetings, {
        publicUrl: this.config.publicUrl,
        name,
        method: 'publish',
      }),
    };
  }
}
