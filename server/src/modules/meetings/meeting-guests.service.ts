import type { InviteGuestRequest, MeetingDetail, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../common/auth/password-hasher';
import { newSecretToken } from '../../common/auth/tokens';
import { conflict, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { AccessEvents } from '../../identity/access-events';
import { UserDirectory } from '../../identity/user-directory';
import { MailService } from '../../infra/mail/mail.service';
import { guestAccountMail } from '../../infra/mail/mail-templates';
import { PasswordLinks } from '../auth/password-links';
import { ThreadsService } from '../discussions/threads.service';
import { GroupsService } from '../groups/groups.service';
import { MeetingAccess } from './meeting-access';
import { accountByEmail, deleteGuest, insertGuest, insertGuestAccount } from './meeting-guest-rows';
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
    private readonly groups: GroupsService,
    private readonly users: UserDirectory,
    private readonly links: PasswordLinks,
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
      if (await this.groups.isMember(meeting.groupId, user.id, manager))
        throw conflict('Cette personne est déjà membre du groupe');
      const isNew = await insertGuest(manager, {
        meetingId,
        userId: user.id,
        organisation: input.organisation ?? null,
        invitedById: subject.userId,
      });
      if (meeting.threadId) await this.threads.grantGuest(manager, meeting.threadId, user.id, subject.userId);
      if (user.created) await this.sendAccountLink(manager, user, input.displayName, meeting.title, subject);
      return { userId: user.id, isNew };
    });
    await this.accessEvents.changed(invited.userId);
    if (invited.isNew)
      void this.events.emit('meeting.guest-invited', {
        meetingId,
        userId: invited.userId,
        actorId: subject.userId,
      });
    this.meetings.announce(meeting.groupId, meetingId);
    return this.meetings.detail(meetingId, subject);
  }

  /** Withdraws a guest's invitation (facilitators): their access to the meeting and its thread ends now. */
  async remove(meetingId: string, userId: string, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(meetingId, subject, 'meeting.manage');
    const removed = await this.dataSource.transaction(async (manager) => {
      if (!(await deleteGuest(manager, meetingId, userId))) return false;
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
    const existing = await accountByEmail(manager, input.email);
    if (existing?.disabledAt) throw conflict('Ce compte est désactivé');
    if (existing) return { id: existing.id, email: input.email, created: false };
    // A concurrent invitation of the same address creates the account once; the loser reads it back.
    const created = await insertGuestAccount(manager, {
      email: input.email,
      displayName: input.displayName,
      passwordHash: unusablePassword,
    });
    if (created) return { id: created, email: input.email, created: true };
    const raced = await accountByEmail(manager, input.email);
    return { id: (raced as { id: string }).id, email: input.email, created: false };
  }

  /** The password link of a new guest account: the password reset token, valid a week. */
  private async sendAccountLink(
    manager: EntityManager,
    user: { id: string; email: string },
    displayName: string,
    title: string,
    subject: Subject,
  ): Promise<void> {
    const { url } = await this.links.issue(manager, user.id, GUEST_LINK_TTL_MS);
    const inviterName = (await this.users.displayNames([subject.userId])).get(subject.userId);
    await this.mail.enqueue(
      manager,
      user.email,
      'meeting_guest_account',
      guestAccountMail({
        displayName,
        inviterName: inviterName ?? 'Un animateur',
        title,
        url,
      }),
    );
  }
}
