import { Module, type OnModuleInit } from '@nestjs/common';
import { MeetingEvents } from '../meeting-events';
import { MeetingsModule } from '../meetings.module';
import { CalendarFeeds } from './calendar-feeds.service';
import { CalendarMeetings } from './calendar-meetings';
import { MeetingCalendarController } from './meeting-calendar.controller';
import { MeetingCalendarFiles } from './meeting-calendar-files';
import { MeetingMailer } from './meeting-mailer';
import { MeetingReminders } from './meeting-reminders';

/**
 * Calendar files, personal feeds, invitation, change and reminder emails of meetings. Listens to the
 * planning's MeetingEvents: a meeting dated sends its invitations, a meeting moved or cancelled its news.
 */
@Module({
  imports: [MeetingsModule],
  controllers: [MeetingCalendarController],
  providers: [CalendarMeetings, CalendarFeeds, MeetingCalendarFiles, MeetingMailer, MeetingReminders],
  exports: [MeetingMailer, MeetingCalendarFiles],
})
export class MeetingCalendarModule implements OnModuleInit {
  constructor(
    private readonly mailer: MeetingMailer,
    private readonly events: MeetingEvents,
  ) {}

  onModuleInit(): void {
    this.events.onScheduled((meetingId) => this.mailer.invitationSent(meetingId).then(() => undefined));
    this.events.onChanged((meetingId) => this.mailer.meetingChanged(meetingId).then(() => undefined));
    this.events.onGuestInvited((meetingId, userId) =>
      this.mailer.guestInvited(meetingId, userId).then(() => undefined),
    );
  }
}
