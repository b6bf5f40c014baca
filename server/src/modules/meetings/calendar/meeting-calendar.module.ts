import { Module, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../../common/events/domain-event-bus';
import { DomainEventsModule } from '../../../common/events/domain-events.module';
import { NotificationChoicesModule } from '../../notifications/notification-choices.module';
import { MeetingsModule } from '../meetings.module';
import { CalendarFeeds } from './calendar-feeds.service';
import { CalendarMeetings } from './calendar-meeting-rows';
import { MeetingCalendarController } from './meeting-calendar.controller';
import { MeetingCalendarFiles } from './meeting-calendar-files';
import { MeetingMailer } from './meeting-mailer';
import { MeetingReminders } from './meeting-reminders';

/**
 * Calendar files, personal feeds, invitation, change and reminder emails of meetings. Listens to the
 * planning's `meeting.*` domain events: a meeting dated sends its invitations (a year planned at once, one
 * invitation listing its dates), a meeting moved or cancelled its news.
 */
@Module({
  imports: [DomainEventsModule, MeetingsModule, NotificationChoicesModule],
  controllers: [MeetingCalendarController],
  providers: [CalendarMeetings, CalendarFeeds, MeetingCalendarFiles, MeetingMailer, MeetingReminders],
  exports: [MeetingMailer, MeetingCalendarFiles],
})
export class MeetingCalendarModule implements OnModuleInit {
  constructor(
    private readonly mailer: MeetingMailer,
    private readonly events: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.events.on('meeting.scheduled', async ({ meetingId }) => {
      await this.mailer.invitationSent(meetingId);
    });
    this.events.on('meeting.year-planned', async ({ meetingIds }) => {
      await this.mailer.yearPlanned(meetingIds);
    });
    this.events.on('meeting.changed', async ({ meetingId, change }) => {
      await this.mailer.meetingChanged(meetingId, change);
    });
    this.events.on('meeting.guest-invited', async ({ meetingId, userId }) => {
      await this.mailer.guestInvited(meetingId, userId);
    });
  }
}
