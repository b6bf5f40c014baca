import { brusselsDay, type Subject } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { conflict, notFound } from '../../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import type { MailAttachment } from '../../../infra/mail/mail-outbox.entity';
import { SessionAccess } from '../session-access';
import { type CalendarSession, CalendarSessions } from './calendar-sessions';
import { renderSessionsCalendar } from './session-ical';

/** The .ics file of one session: downloaded from its page, attached to its invitation and change mails. */
@Injectable()
export class SessionCalendarFiles {
  constructor(
    private readonly access: SessionAccess,
    private readonly sessions: CalendarSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The file for a caller who may see the session (404 otherwise); 409 while the session has no date. */
  async forViewer(sessionId: string, subject: Subject): Promise<MailAttachment> {
    await this.access.assert(sessionId, subject, 'session.view');
    const session = await this.sessions.one(sessionId);
    if (!session) throw notFound('Rencontre introuvable');
    if (!session.startsAt) throw conflict('Cette rencontre n’a pas encore de date');
    return this.fileOf(session);
  }

  /** The file of a dated session, as a mail attachment. */
  fileOf(session: CalendarSession): MailAttachment {
    const day = session.startsAt ? brusselsDay(session.startsAt) : 'sans-date';
    return {
      filename: `rencontre-${day}.ics`,
      contentType: 'text/calendar; charset=utf-8',
      content: renderSessionsCalendar([session], {
        publicUrl: this.config.publicUrl,
        name: session.title,
        method: 'publish',
      }),
    };
  }
}
