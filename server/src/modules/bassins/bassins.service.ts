import {
  type BassinSummary,
  type CreateBassinRequest,
  type GroupKind,
  groupKinds,
  type MergeBassinResult,
  type Subject,
  type UpdateBassinRequest,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { isUniqueViolation } from '../../common/database-errors';
import { badRequest, conflict, notFound } from '../../common/errors/app-error';
import { slugify } from '../../common/slug';
import { AccessEvents } from '../../identity/access-events';
import { toIso } from '../../infra/database/timestamps';
import { GroupsService } from '../groups/groups.service';
import { InvitationsService } from '../invitations/invitations.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { BassinEntity } from './bassin.entity';
import { selectBassinName, selectTakenSlugs } from './bassin-rows';

const kindOrder = (kind: GroupKind) => groupKinds.indexOf(kind);

/** Bassins and their three groups: listing, creation, renaming, archiving and merging. */
@Injectable()
export class BassinsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessEvents: AccessEvents,
    private readonly groups: GroupsService,
    private readonly invitations: InvitationsService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** Every bassin (archived ones on request) with its active groups, member counts and the caller's roles. */
  async list(subject: Subject, includeArchived: boolean): Promise<BassinSummary[]> {
    const bassins = await this.dataSource.getRepository(BassinEntity).find({
      where: includeArchived ? {} : { archivedAt: IsNull() },
      order: { name: 'ASC' },
    });
    return this.summaries(this.dataSource.manager, bassins, subject);
  }

  /** One bassin as a summary. */
  async get(id: string, subject: Subject, manager: EntityManager = this.dataSource.manager) {
    const bassin = await manager.getRepository(BassinEntity).findOneBy({ id });
    if (!bassin) throw notFound('Bassin introuvable');
    const [summary] = await this.summaries(manager, [bassin], subject);
    return summary;
  }

  /** A bassin's name (archived ones too), or null; for labels, without an access check. */
  nameOf(id: string): Promise<string | null> {
    return selectBassinName(this.dataSource.manager, id);
  }

  /** Creates a bassin with its groups, in one transaction. */
  async create(input: CreateBassinRequest, subject: Subject): Promise<BassinSummary> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const bassin = await manager.getRepository(BassinEntity).save({
          name: input.name,
          slug: await this.uniqueSlug(manager, input.name),
          archivedAt: null,
          mergedIntoId: null,
        });
        await this.groups.createForBassin(manager, bassin.id, input.groupKinds);
        return this.get(bassin.id, subject, manager);
      });
    } catch (err) {
      throw this.nameConflictOr(err, input.name);
    }
  }

  /** Renames, archives or restores a bassin. */
  async update(id: string, input: UpdateBassinRequest, subject: Subject): Promise<BassinSummary> {
    const bassins = this.dataSource.getRepository(BassinEntity);
    const bassin = await bassins.findOneBy({ id });
    if (!bassin) throw notFound('Bassin introuvable');
    if (input.archived === false && bassin.mergedIntoId) {
      throw conflict('Ce bassin a été fusionné dans un autre : il ne peut pas être restauré.');
    }
    const changes: Partial<BassinEntity> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.archived !== undefined)
      changes.archivedAt = input.archived ? (bassin.archivedAt ?? new Date()) : null;
    try {
      await bassins.update({ id }, changes);
    } catch (err) {
      throw this.nameConflictOr(err, input.name ?? bassin.name);
    }
    return this.get(id, subject);
  }

  /**
   * Merges `sourceId` into `targetId`: a group whose kind the target lacks moves over; a group whose kind
   * the target has is folded into it (memberships and invitations move, the higher role wins) and archived.
   * Organisations follow. The source is archived and remembers where it went. All or nothing.
   */
  async merge(sourceId: string, targetId: string, subject: Subject): Promise<MergeBassinResult> {
    if (sourceId === targetId) throw badRequest('Un bassin ne peut pas être fusionné avec lui-même');
    const regrouped: string[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const bassins = manager.getRepository(BassinEntity);
      // Lock both rows in a fixed order so two concurrent merges cannot deadlock or interleave.
      const locked = await bassins
        .createQueryBuilder('b')
        .setLock('pessimistic_write')
        .where('b.id IN (:...ids)', { ids: [sourceId, targetId].sort() })
        .orderBy('b.id')
        .getMany();
      const source = locked.find((b) => b.id === sourceId);
      const target = locked.find((b) => b.id === targetId);
      if (!source || !target) throw notFound('Bassin introuvable');
      if (source.archivedAt || target.archivedAt) {
        throw conflict('Les deux bassins doivent être actifs pour être fusionnés');
      }
      const sourceGroups = await this.groups.activeGroupCounts([source.id], manager);
      const targetGroups = await this.groups.activeGroupCounts([target.id], manager);
      let movedGroups = 0;
      let mergedGroups = 0;
      let movedMemberships = 0;
      for (const group of sourceGroups) {
        const twin = targetGroups.find((g) => g.kind === group.kind);
        if (!twin) {
          await this.groups.moveToBassin(manager, group.id, target.id);
          movedGroups++;
          continue;
        }
        movedMemberships += await this.foldGroupInto(manager, group.id, twin.id, regrouped);
        await this.groups.archive(manager, group.id);
        mergedGroups++;
      }
      const movedOrganisations = await this.organisations.moveToBassin(manager, source.id, target.id);
      await bassins.update({ id: source.id }, { archivedAt: new Date(), mergedIntoId: target.id });
      return {
        source: await this.get(source.id, subject, manager),
        target: await this.get(target.id, subject, manager),
        movedGroups,
        mergedGroups,
        movedMemberships,
        movedOrganisations,
      };
    });
    // Members of a folded group now belong to its twin: their open tabs follow (rooms, rights).
    await this.accessEvents.changed(regrouped);
    return result;
  }

  /**
   * Moves memberships and pending invitations of one group into another; returns memberships moved and
   * adds the people concerned to `regrouped`.
   */
  private async foldGroupInto(
    manager: EntityManager,
    fromId: string,
    toId: string,
    regrouped: string[],
  ): Promise<number> {
    const { memberIds, moved } = await this.groups.foldInto(manager, fromId, toId);
    regrouped.push(...memberIds);
    await this.invitations.moveToGroup(manager, fromId, toId);
    return moved;
  }

  private async summaries(
    manager: EntityManager,
    bassins: BassinEntity[],
    subject: Subject,
  ): Promise<BassinSummary[]> {
    if (bassins.length === 0) return [];
    const rows = await this.groups.activeGroupCounts(
      bassins.map((b) => b.id),
      manager,
    );
    const roles = new Map(subject.memberships.map((m) => [m.groupId, m.role]));
    return bassins.map((bassin) => ({
      id: bassin.id,
      name: bassin.name,
      slug: bassin.slug,
      archivedAt: toIso(bassin.archivedAt),
      mergedIntoId: bassin.mergedIntoId,
      groups: rows
        .filter((g) => g.bassinId === bassin.id)
        .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind))
        .map((g) => ({
          id: g.id,
          kind: g.kind,
          bassinId: g.bassinId,
          memberCount: g.memberCount,
          isMember: roles.has(g.id),
          myRole: roles.get(g.id) ?? null,
        })),
    }));
  }

  private async uniqueSlug(manager: EntityManager, name: string): Promise<string> {
    const base = slugify(name, 60) || 'bassin';
    const taken = await selectTakenSlugs(manager, base);
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }

  private nameConflictOr(err: unknown, name: string): unknown {
    return isUniqueViolation(err)
      ? conflict(`Un bassin actif s’appelle déjà « ${name} »`, [
          { path: 'name', message: 'Ce nom est déjà utilisé' },
        ])
      : err;
  }
}
