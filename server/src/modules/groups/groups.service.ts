import {
  type AddMemberRequest,
  can,
  type GroupDetail,
  type GroupKind,
  type GroupMember,
  type MembershipRole,
  type Subject,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { isUniqueViolation } from '../../common/database-errors';
import { conflict, forbidden, notFound } from '../../common/errors/app-error';
import { AccessEvents } from '../../identity/access-events';
import { UserAccounts } from '../../identity/user-accounts';
import { GroupEntity } from './group.entity';
import {
  foldMemberships,
  type GroupCount,
  lockGroup,
  selectActiveGroupCounts,
  selectBassinCard,
  selectGroupMembers,
  selectHasMemberWithEmail,
  selectMemberIds,
  selectSharesBassin,
  upsertMembership,
} from './group-rows';
import { MembershipEntity } from './membership.entity';

/** A group's home (members), moving a group between bassins, and managing its members. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessEvents: AccessEvents,
    private readonly accounts: UserAccounts,
  ) {}

  /** The group with its members, facilitators first then by name. */
  async detail(
    id: string,
    subject: Subject,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GroupDetail> {
    const group = await manager.getRepository(GroupEntity).findOneBy({ id });
    if (!group) throw notFound('Groupe introuvable');
    const bassin = await this.bassinOf(manager, group);
    const members = await selectGroupMembers(manager, id);
    return {
      id: group.id,
      kind: group.kind,
      bassin: { id: bassin.id, name: bassin.name },
      archivedAt: group.archivedAt?.toISOString() ?? null,
      memberCount: members.length,
      myRole: subject.memberships.find((m) => m.groupId === id)?.role ?? null,
      members,
    };
  }

  /** Members of several groups: group id -> their user ids (for notifications of `@groupe` mentions). */
  async memberIds(groupIds: string[]): Promise<Map<string, string[]>> {
    const ids = [...new Set(groupIds)];
    const answer = new Map(ids.map((id) => [id, [] as string[]]));
    if (ids.length === 0) return answer;
    const rows = await this.dataSource.getRepository(MembershipEntity).find({
      select: { groupId: true, userId: true },
      where: { groupId: In(ids) },
    });
    for (const r of rows) answer.get(r.groupId)?.push(r.userId);
    return answer;
  }

  /**
   * The memberships of each of these users, archived groups included: user id -> their groups and roles
   * (a user without any is left out).
   */
  async membershipsOf(
    userIds: string[],
  ): Promise<Map<string, Array<{ groupId: string; role: MembershipRole }>>> {
    const answer = new Map<string, Array<{ groupId: string; role: MembershipRole }>>();
    if (userIds.length === 0) return answer;
    const rows = await this.dataSource.getRepository(MembershipEntity).find({
      select: { userId: true, groupId: true, role: true },
      where: { userId: In([...new Set(userIds)]) },
    });
    for (const r of rows) {
      const list = answer.get(r.userId) ?? [];
      list.push({ groupId: r.groupId, role: r.role });
      answer.set(r.userId, list);
    }
    return answer;
  }

  /**
   * A group not archived with its kind and its bassin's name (read in the caller's transaction when given),
   * or null.
   */
  async findActive(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; kind: GroupKind; bassinName: string } | null> {
    const group = await manager.getRepository(GroupEntity).findOneBy({ id, archivedAt: IsNull() });
    if (!group) return null;
    const bassin = await this.bassinOf(manager, group);
    return { id: group.id, kind: group.kind, bassinName: bassin.name };
  }

  /** Creates the groups of a new bassin, one of each kind given, in the caller's transaction. */
  async createForBassin(manager: EntityManager, bassinId: string, kinds: GroupKind[]): Promise<void> {
    if (kinds.length === 0) return;
    await manager
      .getRepository(GroupEntity)
      .insert(kinds.map((kind) => ({ bassinId, kind, archivedAt: null })));
  }

  /** Moves a group to another bassin in the caller's transaction (a unique violation when that kind is taken there). */
  async moveToBassin(manager: EntityManager, groupId: string, bassinId: string): Promise<void> {
    await manager.getRepository(GroupEntity).update({ id: groupId }, { bassinId });
  }

  /** Archives a group in the caller's transaction (folded into its twin when bassins merge). */
  async archive(manager: EntityManager, groupId: string): Promise<void> {
    await manager.getRepository(GroupEntity).update({ id: groupId }, { archivedAt: new Date() });
  }

  /** Whether the user is a member of the group (read in the caller's transaction when given). */
  async isMember(
    groupId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.getRepository(MembershipEntity).existsBy({ groupId, userId });
  }

  /** Locks the group's row until the end of the caller's transaction (serialises writes over the group). */
  async lock(manager: EntityManager, groupId: string): Promise<void> {
    await lockGroup(manager, groupId);
  }

  /** True when one of `groupIds` lies in the same bassin as `groupId` (a publication's `bassin` reach). */
  sharesBassin(groupIds: string[], groupId: string): Promise<boolean> {
    return selectSharesBassin(this.dataSource.manager, groupIds, groupId);
  }

  /** The active groups of several bassins with their member counts (in the caller's transaction, if any). */
  activeGroupCounts(
    bassinIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GroupCount[]> {
    return selectActiveGroupCounts(manager, bassinIds);
  }

  /**
   * Folds group `fromId`'s memberships into `toId` in the caller's transaction (the higher role wins):
   * the people concerned and the number of memberships moved.
   */
  async foldInto(
    manager: EntityManager,
    fromId: string,
    toId: string,
  ): Promise<{ memberIds: string[]; moved: number }> {
    const memberIds = await selectMemberIds(manager, fromId);
    const moved = await foldMemberships(manager, fromId, toId);
    return { memberIds, moved };
  }

  /** Whether someone with this e-mail address already belongs to the group. */
  hasMemberWithEmail(manager: EntityManager, groupId: string, email: string): Promise<boolean> {
    return selectHasMemberWithEmail(manager, groupId, email);
  }

  /** Makes a user a member (an accepted invitation); already a member, they keep it, raised to facilitator if asked. */
  join(manager: EntityManager, userId: string, groupId: string, role: MembershipRole): Promise<void> {
    return upsertMembership(manager, userId, groupId, role);
  }

  /** Moves an active group to another active bassin, memberships untouched. 409 if that kind is taken there. */
  async move(id: string, bassinId: string, subject: Subject): Promise<GroupDetail> {
    return this.dataSource.transaction(async (manager) => {
      const groups = manager.getRepository(GroupEntity);
      const group = await groups.findOneBy({ id });
      if (!group) throw notFound('Groupe introuvable');
      if (group.archivedAt) throw conflict('Ce groupe est archivé');
      const target = await selectBassinCard(manager, bassinId);
      if (!target) throw notFound('Bassin de destination introuvable');
      if (target.archivedAt) throw conflict('Le bassin de destination est archivé');
      if (group.bassinId === target.id) return this.detail(id, subject, manager);
      try {
        await this.moveToBassin(manager, id, target.id);
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw conflict(
            `Le bassin ${target.name} a déjà un groupe de ce type. Fusionnez les bassins à la place.`,
          );
        }
        throw err;
      }
      return this.detail(id, subject, manager);
    });
  }

  /** Adds an existing account to the group. Naming a facilitator needs the coordinator's right. */
  async addMember(groupId: string, input: AddMemberRequest, subject: Subject): Promise<GroupMember> {
    if (input.role === 'facilitator' && !can(subject, 'group.facilitators.manage', { groupId }))
      throw forbidden();
    await this.activeGroup(groupId);
    const user = await this.accounts.findById(input.userId);
    if (!user) throw notFound('Compte introuvable');
    try {
      await this.dataSource
        .getRepository(MembershipEntity)
        .insert({ userId: user.id, groupId, role: input.role });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('Cette personne fait déjà partie du groupe');
      throw err;
    }
    await this.accessEvents.changed(user.id);
    return this.member(groupId, user.id);
  }

  /** Changes a member's role; only coordinators name or remove facilitators. */
  async updateMember(
    groupId: string,
    userId: string,
    role: MembershipRole,
    subject: Subject,
  ): Promise<GroupMember> {
    const memberships = this.dataSource.getRepository(MembershipEntity);
    const membership = await memberships.findOneBy({ groupId, userId });
    if (!membership) throw notFound('Cette personne ne fait pas partie du groupe');
    const touchesFacilitator = role === 'facilitator' || membership.role === 'facilitator';
    if (touchesFacilitator && !can(subject, 'group.facilitators.manage', { groupId })) throw forbidden();
    await memberships.update({ id: membership.id }, { role });
    if (role !== membership.role) await this.accessEvents.changed(userId);
    return this.member(groupId, userId);
  }

  /** Removes someone from the group. A facilitator may leave, but only coordinators remove another facilitator. */
  async removeMember(groupId: string, userId: string, subject: Subject): Promise<void> {
    const memberships = this.dataSource.getRepository(MembershipEntity);
    const membership = await memberships.findOneBy({ groupId, userId });
    if (!membership) throw notFound('Cette personne ne fait pas partie du groupe');
    const removingAnotherFacilitator = membership.role === 'facilitator' && userId !== subject.userId;
    if (removingAnotherFacilitator && !can(subject, 'group.facilitators.manage', { groupId }))
      throw forbidden();
    await memberships.delete({ id: membership.id });
    await this.accessEvents.changed(userId);
  }

  private async activeGroup(id: string): Promise<GroupEntity> {
    const group = await this.dataSource.getRepository(GroupEntity).findOneBy({ id, archivedAt: IsNull() });
    if (!group) throw notFound('Groupe introuvable');
    return group;
  }

  /** The bassin of a group (read in the bassins module's published view). */
  private async bassinOf(manager: EntityManager, group: GroupEntity): Promise<{ id: string; name: string }> {
    const bassin = await selectBassinCard(manager, group.bassinId);
    if (!bassin) throw new Error(`bassin ${group.bassinId} of group ${group.id} not found`);
    return bassin;
  }

  private async member(groupId: string, userId: string): Promise<GroupMember> {
    const found = (await selectGroupMembers(this.dataSource.manager, groupId, userId))[0];
    if (!found) throw notFound('Membre introuvable');
    return found;
  }
}
