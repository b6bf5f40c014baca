import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { MailService } from '../../../infra/mail/mail.service';
import {
  type SessionMailFacts,
  sessionChangedMail,
  sessionInvitationMail,
} from '../../../infra/mail/mail-templates';
import { frenchSlot } from './brussels-time';
import { type CalendarSession, CalendarSessions } from './calendar-sessions';
import { SessionCalendarFiles } from './session-calendar-files';
import { sessionPageUrl } from './session-ical';
import { type SessionRecipient, sessionRecipients } from './session-recipients';

/** The facts a session mail shows one recipient. */
export function sessionMailFacts(
  session: CalendarSession & { startsAt: Date },
  recipient: SessionRecipient,
  publicUrl: string,
): SessionMailFacts {
  return {
    displayName: recipient.displayName,
    title: session.title,
    groupLabel: session.groupLabel,
    slot: frenchSlot(session.startsAt, session.endsAt),
    location: session.location,
    url: sessionPageUrl(publicUrl, session.id),
  };
}

const isDated = (session: CalendarSession | null): session is CalendarSession & { startsAt: Date } =>
  session?.startsAt != null;

/**
 * Invitation and change mails of a session, each with the session's .ics attached so the recipient's
 * calendar adds, moves or removes the same entry (stable UID, SEQUENCE bumped by the planning).
 */
@Injectable()
export class SessionMailer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: CalendarSessions,
    private readonly files: SessionCalendarFiles,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The date is fixed: invites every member of the group and every guest. Returns the mails queued. */
  invitationSent(sessionId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.invite(manager, sessionId));
  }

  /** A guest invited to an already dated session gets the same invitation, alone. */
  guestInvited(sessionId: string, userId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.invite(manager, sessionId, userId));
  }

  /** The session moved, changed place or was cancelled (or reinstated): everyone gets the news. */
  sessionChanged(sessionId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.one(sessionId, manager);
      if (!isDated(session)) return 0;
      const cancelled = session.status === 'cancelled';
      const attachment = this.files.fileOf(session);
      const recipients = await sessionRecipients(manager, session);
      for (const recipient of recipients) {
        const facts = sessionMailFacts(session, recipient, this.config.publicUrl);
        await this.mail.enqueue(
          manager,
          recipient.email,
          cancelled ? 'session_cancelled' : 'session_changed',
          sessionChangedMail({ ...facts, cancelled }),
          [attachment],
        );
      }
      return recipients.length;
    });
  }

  private async invite(manager: EntityManager, sessionId: string, onlyUserId?: string): Promise<number> {
    const session = await this.sessions.one(sessionId, manager);
    // Nothing to put in a calendar yet, or nothing to come to any more.
    if (!isDated(session) || session.status === 'cancelled') return 0;
    const attachment = this.files.fileOf(session);
    const recipients = await sessionRecipients(manager, session, onlyUserId);
    for (const recipient of recipients) {
      const facts = sessionMailFacts(session, recipient, this.config.publicUrl);
      await this.mail.enqueue(manager, recipient.email, 'session_invitation', sessionInvitationMail(facts), [
        attachment,
      ]);
    }
    return recipients.length;
  }
}
