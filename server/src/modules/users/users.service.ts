import {
  can,
  type ListUsersQuery,
  type Subject,
  type UpdateUserRequest,
  type UserAdminView,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { badRequest, forbidden, notFound } from '../../common/errors/app-error';
import { AccessEvents } from '../../identity/access-events';
import { SessionStore } from '../../identity/session-store';
import type { UserEntity } from '../../identity/user.entity';
import { type AccountChanges, UserAccounts } from '../../identity/user-accounts';
import { GroupsService } from '../groups/groups.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { toUserAdminView } from './user-views';

/** Accounts as coordinators and admins manage them. */
@Injectable()
export class UsersService {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly sessions: SessionStore,
    private readonly accessEvents: AccessEvents,
    private readonly groups: GroupsService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The organisation of a user, or null when they have none (or do not exist). */
  organisationOf(userId: string): Promise<string | null> {
    return this.accounts.organisationOf(userId);
  }

  /** Lists accounts, optionally matching a name or email fragment. */
  async list(query: ListUsersQuery): Promise<UserAdminView[]> {
    return this.views(await this.accounts.search(query.q, 500));
  }

  /** Changes an account. Platform roles are the admin's; nobody disables or demotes themselves. */
  async update(id: string, input: UpdateUserRequest, subject: Subject): Promise<UserAdminView> {
    const user = await this.accounts.findById(id);
    if (!user) throw notFound('Compte introuvable');
    if (input.platformRole !== undefined && input.platformRole !== user.platformRole) {
      if (!can(subject, 'user.grant-platform-role'))
        throw forbidden('Seul un administrateur change les rôles');
      if (id === subject.userId) throw badRequest('Vous ne pouvez pas changer votre propre rôle');
    }
    // A coordinator must not be able to lock an administrator out.
    if (user.platformRole === 'admin' && !can(subject, 'user.grant-platform-role')) throw forbidden();
    if (input.disabled === true && id === subject.userId)
      throw badRequest('Vous ne pouvez pas désactiver votre propre compte');
    if (input.organisationId) {
      if (!(await this.organisations.exists(input.organisationId)))
        throw notFound('Organisation introuvable');
    }
    const changes: AccountChanges = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.jobTitle !== undefined) changes.jobTitle = input.jobTitle;
    if (input.platformRole !== undefined) changes.platformRole = input.platformRole;
    if (input.organisationId !== undefined) changes.organisationId = input.organisationId;
    if (input.disabled !== undefined)
      changes.disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : null;
    if (Object.keys(changes).length > 0) await this.accounts.update(id, changes);
    if (input.disabled === true) await this.sessions.end(id);
    else if (input.platformRole !== undefined && input.platformRole !== user.platformRole) {
      await this.accessEvents.changed(id);
    }
    const [view] = await this.views([await this.accounts.getById(id)]);
    return view;
  }

  private async views(users: UserEntity[]): Promise<UserAdminView[]> {
    if (users.length === 0) return [];
    const memberships = await this.groups.membershipsOf(users.map((u) => u.id));
    const organisations = await this.organisations.refsOf(
      users.map((u) => u.organisationId).filter((x): x is string => x !== null),
    );
    return users.map((u) =>
      toUserAdminView(
        u,
        (u.organisationId && organisations.get(u.organisationId)) || null,
        memberships.get(u.id) ?? [],
      ),
    );
  }
}
