import {
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type CurrentUser,
  can,
  formatDateAs,
  type Invitation,
  type InvitationPreview,
  type InvitationStatus,
  type ListInvitationsQuery,
  type Subject,
} from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { hashPassword } from '../../common/auth/password-hasher';
import { assertCan } from '../../common/auth/policy';
import { hashToken, newSecretToken } from '../../common/auth/tokens';
import {
  badRequest,
  conflict,
  forbidden,
  gone,
  notFound,
  unauthenticated,
} from '../../common/errors/app-error';
import { groupKindLabels } from '../../common/french-labels';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccessEvents } from '../../identity/access-events';
import { SessionStore } from '../../identity/session-store';
import { UserAccounts } from '../../identity/user-accounts';
import { MailService } from '../../infra/mail/mail.service';
import { invitationMail } from '../../infra/mail/mail-templates';
import { AuthService } from '../auth/auth.service';
import { GroupsService } from '../groups/groups.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { InvitationEntity } from './invitation.entity';
import {
  type InvitationRow,
  invitationFromRow,
  moveGroupInvitations,
  selectInvitations,
} from './invitation-rows';

const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const statusOf = (i: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>): InvitationStatus =>
  i.acceptedAt
    ? 'accepted'
    : i.revokedAt
      ? 'revoked'
      : i.expiresAt.getTime() < Date.now()
        ? 'expired'
        : 'pending';

/** Invitations into a group: sending, listing, revoking, previewing and accepting. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
    private readonly organisations: OrganisationsService,
    private readonly accounts: UserAccounts,
    private readonly mail: MailService,
    private readonly sessions: SessionStore,
    private readonly auth: AuthService,
    private readonly accessEvents: AccessEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Invites an email into a group and queues the mail. Inviting again replaces the pending invitation. */
  async create(input: CreateInvitationRequest, subject: Subject): Promise<Invitation> {
    assertCan(subject, 'group.invite', { groupId: input.groupId });
    if (input.role === 'facilitator')
      assertCan(subject, 'group.facilitators.manage', { groupId: input.groupId });
    return this.dataSource.transaction(async (manager) => {
      const group = await this.groups.findActive(input.groupId, manager);
      if (!group) throw notFound('Groupe introuvable');
      if (input.organisationId && !(await this.organisations.exists(input.organisationId, manager))) {
        throw notFound('Organisation introuvable');
      }
      if (await this.groups.hasMemberWithEmail(manager, group.id, input.email)) {
        throw conflict('Cette personne fait déjà partie du groupe', [
          { path: 'email', message: 'Déjà membre' },
        ]);
      }
      const invitations = manager.getRepository(InvitationEntity);
      await invitations.update(
        { groupId: group.id, email: input.email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      const token = newSecretToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
      const saved = await invitations.save({
        email: input.email,
        groupId: group.id,
        role: input.role,
        organisationId: input.organisationId,
        tokenHash: hashToken(token),
        invitedById: subject.userId,
        expiresAt,
        acceptedAt: null,
        acceptedById: null,
        revokedAt: null,
      });
      const inviter = await this.accounts.getById(subject.userId, manager);
      await this.mail.enqueue(
        manager,
        input.email,
        'invitation',
        invitationMail({
          inviterName: inviter.displayName,
          groupLabel: groupKindLabels[group.kind],
          bassinName: group.bassinName,
          url: `${this.config.publicUrl}/invitation/${token}`,
          expiresOn: formatDateAs('day', expiresAt, 'fr-BE'),
          message: input.message,
        }),
      );
      return this.toView((await selectInvitations(manager, { id: saved.id }))[0]);
    });
  }

  /** Invitations of one group (its managers) or of every group (coordinators). */
  async list(query: ListInvitationsQuery, subject: Subject): Promise<Invitation[]> {
    if (query.groupId) assertCan(subject, 'group.invite', { groupId: query.groupId });
    else assertCan(subject, 'user.list');
    const rows = await selectInvitations(this.dataSource.manager, { groupId: query.groupId });
    const views = rows.map((r) => this.toView(r));
    return query.status ? views.filter((v) => v.status === query.status) : views;
  }

  /** Revokes a pending invitation; its link stops working. */
  async revoke(id: string, subject: Subject): Promise<void> {
    const invitations = this.dataSource.getRepository(InvitationEntity);
    const invitation = await invitations.findOneBy({ id });
    // Without the right on that group, say 403 whether or not it exists.
    if (!invitation) throw can(subject, 'user.list') ? notFound('Invitation introuvable') : forbidden();
    assertCan(subject, 'group.invite', { groupId: invitation.groupId });
    if (invitation.acceptedAt) throw conflict('Cette invitation a déjà été acceptée');
    if (!invitation.revokedAt) await invitations.update({ id }, { revokedAt: new Date() });
  }

  /** What the invitee sees on the invitation page, before signing up or in. */
  async preview(token: string): Promise<InvitationPreview> {
    const row = await this.usableByToken(this.dataSource.manager, token);
    const accountExists = await this.accounts.existsWithEmail(row.email);
    return {
      email: row.email,
      group: { id: row.groupId, kind: row.groupKind, bassinName: row.bassinName },
      role: row.role,
      invitedByName: row.invitedByName,
      accountExists,
      expiresAt: row.expiresAt.toISOString(),
    };
  }

  /**
   * Accepts an invitation. A newcomer gets an account (and a session token to set as cookie); someone who
   * already has an account must be signed in as the invited email. Joining and using the invitation up
   * happen in one transaction, with the invitation row locked so a double click joins once.
   */
  async accept(
    token: string,
    input: AcceptInvitationRequest,
    auth: AuthContext | null,
    meta: { ip: string; userAgent?: string },
  ): Promise<{ user: CurrentUser; sessionToken: string | null }> {
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const { userId, created } = await this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(InvitationEntity)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.token_hash = :hash', { hash: hashToken(token) })
        .getOne();
      if (!invitation) throw notFound('Invitation introuvable');
      this.assertUsable(invitation);
      let user = await this.accounts.findByEmail(invitation.email, manager);
      let created = false;
      if (user) {
        if (!auth)
          throw unauthenticated(`Connectez-vous avec ${invitation.email} pour accepter cette invitation`);
        if (auth.user.id !== user.id) throw forbidden(`Cette invitation est destinée à ${invitation.email}`);
        if (!user.organisationId && invitation.organisationId) {
          await this.accounts.update(user.id, { organisationId: invitation.organisationId }, manager);
        }
      } else {
        const fieldErrors = [
          ...(input.displayName ? [] : [{ path: 'displayName', message: 'Indiquez votre nom' }]),
          ...(passwordHash ? [] : [{ path: 'password', message: 'Choisissez un mot de passe' }]),
        ];
        if (fieldErrors.length > 0 || !passwordHash || !input.displayName) {
          throw badRequest('Certains champs sont invalides', fieldErrors);
        }
        user = await this.accounts.create(
          {
            email: invitation.email,
            displayName: input.displayName,
            passwordHash,
            organisationId: invitation.organisationId,
          },
          manager,
        );
        created = true;
      }
      // Already a member: keep the membership, raised to facilitator if that is what the invitation says.
      await this.groups.join(manager, user.id, invitation.groupId, invitation.role);
      await manager
        .getRepository(InvitationEntity)
        .update({ id: invitation.id }, { acceptedAt: new Date(), acceptedById: user.id });
      return { userId: user.id, created };
    });
    // An existing account's open tabs join the group's rooms and take a facilitator's rights now.
    if (!created) await this.accessEvents.changed(userId);
    const user = await this.accounts.getById(userId);
    const sessionToken = created ? await this.sessions.create(user.id, meta) : null;
    return { user: await this.auth.currentUser(user), sessionToken };
  }

  /** Moves a group's invitations to another group, in the caller's transaction (its group was merged there). */
  moveToGroup(manager: EntityManager, fromId: string, toId: string): Promise<void> {
    return moveGroupInvitations(manager, fromId, toId);
  }

  private assertUsable(i: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>): void {
    const status = statusOf(i);
    if (status === 'accepted')
      throw gone('Cette invitation a déjà été utilisée. Connectez-vous pour accéder au groupe.');
    if (status === 'revoked')
      throw gone('Cette invitation a été annulée. Demandez-en une nouvelle à l’animateur du groupe.');
    if (status === 'expired')
      throw gone('Cette invitation a expiré. Demandez-en une nouvelle à l’animateur du groupe.');
  }

  private async usableByToken(manager: EntityManager, token: string): Promise<InvitationRow> {
    const [row] = await selectInvitations(manager, { tokenHash: hashToken(token) });
    if (!row) throw notFound('Invitation introuvable');
    this.assertUsable(row);
    return row;
  }

  private toView(r: InvitationRow): Invitation {
    return invitationFromRow(r, statusOf(r));
  }
}
