import type { InviteGuestRequest, MeetingDetail, Subject } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../common/auth/password-hasher';
import { hashToken, newSecretToken } from '../../common/auth/tokens';
import { conflict, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccessEvents } from '../../identity/access-events';
import { MailService } from '../../infra/mail/mail.service';
import { guestAccountMail } from '../../infra/mail/mail-templates';
import { ThreadsService } from '../discussions/threads.service';
import { MeetingAccess } from './meeting-access';
import { MeetingsService } from './meetings.service';

/** A new guest chooses their password within a week (a password reset token with a longer life). */
const GUEST_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Outside people invited to one meeting (a focus thématique): an account without membership and
 * without a usable password until they choose one, a guest row and a guest grant on the meeting's
 * thread. They see that meeting and nothing else of the group.
 */
@Injectable()
export class MeetingGuestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly events: DomainEventBus,
    private readonly meetings: MeetingsService,
    private readonly mail: MailService,
    private readonly accessEvents: AccessEvents,
    private readonly threads: ThreadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Invites a guest by email (facilitators); inviting the same person twice changes nothing. */
  async invite(meetingId: string, input: InviteGuestRequest, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(meetingId, subject, 'meeting.manage');
    if (meeting.status === 'done' || meeting.status === 'cancelled') {
      throw conflict('Cette rencontre est annulée ou terminée');
    }
    // Hashing is slow: done before the transaction, used only if the account is new.
    const unusablePassword = await hashPassword(newSecretToken());
    const invited = await this.dataSource.transaction(async (manager) => {
      const user = await this.findOrCreateUser(manager, input, unusablePassword);
      const [membership] = await manager.query(
        'SELECT 1 FROM memberships WHERE group_id = $1 AND user_id = $2',
        [meeting.groupId, user.id],
      );
      if (membership) throw conflict('Cette personne est déjà membre du groupe');
      const inserted: unknown[] = await manager.query(
        `INSERT INTO meeting_guests (meeting_id, user_id, organisation, invited_by_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, user_id) DO NOTHING RETURNING user_id`,
        [meetingId, user.id, input.organisation ?? null, subject.userId],
      );
      if (meeting.threadId) await this.threads.grantGuest(manager, meeting.threadId, user.id, subject.userId);
      if (user.created) await this.sendAccountLink(manager, user, input.displayName, meeting.title, subject);
      return { userId: user.id, isNew: inserted.length > 0 };
    });
    await this.accessEvents.changed(invited.userId);
    if (invited.isNew) void this.events.emit('meeting.guest-invited', { meetingId, userId: invited.userId });
    this.meetings.announce(meeting.groupId, meetingId);
    return this.meetings.detail(meetingId, subject);
  }

  /** Withdraws a guest's invitation (facilitators): their access to the meeting and its thread ends now. */
  async remove(meetingId: string, userId: string, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(meetingId, subject, 'meeting.manage');
    const removed = await this.dataSource.transaction(async (manager) => {
      // A DELETE's result comes back as [rows, count] from the driver: counting in SQL stays unambiguous.
      const [{ n }]: Array<{ n: number }> = await manager.query(
        `WITH d AS (DELETE FROM meeting_guests WHERE meeting_id = $1 AND user_id = $2 RETURNING 1)
         SELECT count(*)::int AS n FROM d`,
        [meetingId, userId],
      );
      if (n === 0) return false;
      if (meeting.threadId) await this.threads.revokeGuest(manager, meeting.threadId, userId);
      return true;
    });
    if (!removed) throw notFound('Invité introuvable');
    // Their sockets and open documents of this meeting lose it now, on every node.
    await this.accessEvents.changed(userId);
    this.meetings.announce(meeting.groupId, meetingId);
    return this.meetings.detail(meetingId, subject);
  }

  private async findOrCreateUser(
    manager: EntityManager,
    input: InviteGuestRequest,
    unusablePassword: string,
  ): Promise<{ id: string; email: string; created: boolean }> {
    const [existing]: Array<{ id: string; disabledAt: Date | null }> = await manager.query(
      'SELECT id, disabled_at AS "disabledAt" FROM users WHERE email = $1',
      [input.email],
    );
    if (existing?.disabledAt) throw conflict('Ce compte est désactivé');
    if (existing) return { id: existing.id, email: input.email, created: false };
    // A concurrent invitation of the same address creates the account once; the loser reads it back.
    const [created]: Array<{ id: string }> = await manager.query(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [input.email, input.displayName, unusablePassword],
    );
    if (created) return { id: created.id, email: input.email, created: true };
    const [raced]: Array<{ id: string }> = await manager.query('SELECT id FROM users WHERE email = $1', [
      input.email,
    ]);
    return { id: raced.id, email: input.email, created: false };
  }

  /** The password link of a new guest account: the password reset token, valid a week. */
  private async sendAccountLink(
    manager: EntityManager,
    user: { id: string; email: string },
    displayName: string,
    title: string,
    subject: Subject,
  ): Promise<void> {
    const token = newSecretToken();
    await manager.query(
      'INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)',
      [user.id, hashToken(token), new Date(Date.now() + GUEST_LINK_TTL_MS)],
    );
    const [inviter]: Array<{ displayName: string }> = await manager.query(
      'SELECT display_name AS "displayName" FROM users WHERE id = $1',
      [subject.userId],
    );
    await this.mail.enqueue(
      manager,
      user.email,
      'meeting_guest_account',
      guestAccountMail({
        displayName,
        inviterName: inviter?.displayName ?? 'Un animateur',
        title,
        url: `${this.config.publicUrl}/reinitialiser/${token}`,
      }),
    );
  }
}
