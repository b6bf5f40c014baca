import {
  can,
  type ListUsersQuery,
  type Subject,
  type UpdateUserRequest,
  type UserAdminView,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, forbidden, notFound } from '../../common/errors/app-error';
import { AccessEvents } from '../../identity/access-events';
import { SessionStore } from '../../identity/session-store';
import { MembershipEntity } from '../groups/membership.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from './user.entity';
import { toUserAdminView } from './user-views';

/** Accounts as coordinators and admins manage them. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly accessEvents: AccessEvents,
  ) {}

  /** The organisation of a user, or null when they have none (or do not exist). */
  async organisationOf(userId: string): Promise<string | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ select: { id: true, organisationId: true }, where: { id: userId } });
    return user?.organisationId ?? null;
  }

  /** Lists accounts, optionally matching a name or email fragment. */
  async list(query: ListUsersQuery): Promise<UserAdminView[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('lower(u.display_name)');
    if (query.q) {
      qb.where('(u.display_name ILIKE :q OR u.email ILIKE :q)', {
        q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    return this.views(await qb.limit(500).getMany());
  }

  /** Changes an account. Platform roles are the admin's; nobody disables or demotes themselves. */
  async update(id: string, input: UpdateUserRequest, subject: Subject): Promise<UserAdminView> {
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOneBy({ id });
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
      const exists = await this.dataSource
        .getRepository(OrganisationEntity)
        .existsBy({ id: input.organisationId });
      if (!exists) throw notFound('Organisation introuvable');
    }
    const changes: Partial<UserEntity> = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.jobTitle !== undefined) changes.jobTitle = input.jobTitle;
    if (input.platformRole !== undefined) changes.platformRole = input.platformRole;
    if (input.organisationId !== undefined) changes.organisationId = input.organisationId;
    if (input.disabled !== undefined)
      changes.disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : null;
    if (Object.keys(changes).length > 0) await users.update({ id }, changes);
    if (input.disabled === true) await this.sessions.end(id);
    else if (input.platformRole !== undefined && input.platformRole !== user.platformRole) {
      await this.accessEvents.changed(id);
    }
    const [view] = await this.views([await users.findOneByOrFail({ id })]);
    return view;
  }

  private async views(users: UserEntity[]): Promise<UserAdminView[]> {
    if (users.length === 0) return [];
    const ids = users.map((u) => u.id);
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .where('m.user_id IN (:...ids)', { ids })
      .getMany();
    const orgIds = [...new Set(users.map((u) => u.organisationId).filter((x): x is string => x !== null))];
    const organisations = orgIds.length
      ? await this.dataSource
          .getRepository(OrganisationEntity)
          .createQueryBuilder('o')
          .where('o.id IN (:...orgIds)', { orgIds })
          .getMany()
      : [];
    return users.map((u) =>
      toUserAdminView(
        u,
        organisations.find((o) => o.id === u.organisationId) ?? null,
        memberships.filter((m) => m.userId === u.id).map((m) => ({ groupId: m.groupId, role: m.role })),
      ),
    );
  }
}
