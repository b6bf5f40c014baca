import { Module, type OnModuleInit } from '@nestjs/common';
import { SessionEvents } from '../session-events';
import { SessionsModule } from '../sessions.module';
import { CalendarFeeds } from './calendar-feeds.service';
import { CalendarSessions } from './calendar-sessions';
import { SessionCalendarController } from './session-calendar.controller';
import { SessionCalendarFiles } from './session-calendar-files';
import { SessionMailer } from './session-mailer';
import { SessionReminders } from './session-reminders';

/**
 * Calendar files, personal feeds, invitation, change and reminder emails of sessions. Listens to the
 * planning's SessionEvents: a session dated sends its invitations, a session moved or cancelled its news.
 */
@Module({
  imports: [SessionsModule],
  controllers: [SessionCalendarController],
  providers: [CalendarSessions, CalendarFeeds, SessionCalendarFiles, SessionMailer, SessionReminders],
  exports: [SessionMailer, SessionCalendarFiles],
})
export class SessionCalendarModule implements OnModuleInit {
  constructor(
    private readonly mailer: SessionMailer,
    private readonly events: SessionEvents,
  ) {}

  onModuleInit(): void {
    this.events.onScheduled((sessionId) => this.mailer.invitationSent(sessionId).then(() => undefined));
    this.events.onChanged((sessionId) => this.mailer.sessionChanged(sessionId).then(() => undefined));
    this.events.onGuestInvited((sessionId, userId) =>
      this.mailer.guestInvited(sessionId, userId).then(() => undefined),
    );
  }
}
