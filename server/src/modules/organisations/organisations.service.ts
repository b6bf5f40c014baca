import type {
  CreateOrganisationRequest,
  CurrentUser,
  ListOrganisationsQuery,
  Organisation,
  UpdateOrganisationRequest,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { isUniqueViolation } from '../../common/database-errors';
import { conflict, notFound } from '../../common/errors/app-error';
import { OrganisationEntity } from './organisation.entity';
import { selectBassinExists } from './organisation-rows';

type OrganisationRow = OrganisationEntity & { memberCount: number };

/** An organisation as an account shows it. */
export type OrganisationRef = NonNullable<CurrentUser['organisation']>;

const uniqueTags = (tags: string[]) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()];

/** The structures of the network and their partners. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Lists organisations, filtered by bassin, kind or a name fragment. */
  async list(query: ListOrganisationsQuery): Promise<Organisation[]> {
    const qb = this.baseQuery();
    if (query.bassinId) qb.andWhere('o.bassin_id = :bassinId', { bassinId: query.bassinId });
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere('o.name ILIKE :q', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    const rows = await qb.orderBy('lower(o.name)').getRawAndEntities();
    return rows.entities.map((entity, i) =>
      this.toView({ ...entity, memberCount: rows.raw[i].member_count }),
    );
  }

  /** One organisation. */
  async get(id: string): Promise<Organisation> {
    const rows = await this.baseQuery().where('o.id = :id', { id }).getRawAndEntities();
    const entity = rows.entities[0];
    if (!entity) throw notFound('Organisation introuvable');
    return this.toView({ ...entity, memberCount: rows.raw[0].member_count });
  }

  /** True when an organisation with this id exists (read in the caller's transaction when given). */
  async exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(OrganisationEntity).existsBy({ id });
  }

  /** The name and kind of an organisation, or null when there is none with this id. */
  async refOf(id: string): Promise<OrganisationRef | null> {
    return (await this.refsOf([id])).get(id) ?? null;
  }

  /** The name and kind of each of these organisations that exists: id -> reference. */
  async refsOf(ids: readonly string[]): Promise<Map<string, OrganisationRef>> {
    if (ids.length === 0) return new Map();
    const found = await this.dataSource.getRepository(OrganisationEntity).find({
      select: { id: true, name: true, kind: true },
      where: { id: In([...new Set(ids)]) },
    });
    return new Map(found.map((o) => [o.id, { id: o.id, name: o.name, kind: o.kind }]));
  }

  /** Moves every organisation of bassin `fromId` to `toId` in the caller's transaction (bassins merged): how many moved. */
  async moveToBassin(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const moved = await manager
      .getRepository(OrganisationEntity)
      .update({ bassinId: fromId }, { bassinId: toId });
    return moved.affected ?? 0;
  }

  /** Creates an organisation; names are unique regardless of case. */
  async create(input: CreateOrganisationRequest): Promise<Organisation> {
    if (input.bassinId) await this.assertBassin(input.bassinId);
    try {
      const saved = await this.dataSource.getRepository(OrganisationEntity).save({
        name: input.name,
        kind: input.kind,
        bassinId: input.bassinId,
        street: input.address.street,
        postalCode: input.address.postalCode,
        city: input.address.city,
        sectors: uniqueTags(input.sectors),
        publics: uniqueTags(input.publics),
        website: input.website,
      });
      return this.get(saved.id);
    } catch (err) {
      throw this.nameConflictOr(err);
    }
  }

  /** Updates any subset of an organisation's fields. */
  async update(id: string, input: UpdateOrganisationRequest): Promise<Organisation> {
    const repo = this.dataSource.getRepository(OrganisationEntity);
    if (!(await repo.existsBy({ id }))) throw notFound('Organisation introuvable');
    if (input.bassinId) await this.assertBassin(input.bassinId);
    const changes: Partial<OrganisationEntity> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.bassinId !== undefined) changes.bassinId = input.bassinId;
    if (input.address) {
      changes.street = input.address.street;
      changes.postalCode = input.address.postalCode;
      changes.city = input.address.city;
    }
    if (input.sectors) changes.sectors = uniqueTags(input.sectors);
    if (input.publics) changes.publics = uniqueTags(input.publics);
    if (input.website !== undefined) changes.website = input.website;
    try {
      if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
    } catch (err) {
      throw this.nameConflictOr(err);
    }
    return this.get(id);
  }

  private baseQuery() {
    return this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .addSelect('(SELECT count(*)::int FROM user_cards u WHERE u.organisation_id = o.id)', 'member_count');
  }

  private async assertBassin(id: string): Promise<void> {
    if (!(await selectBassinExists(this.dataSource.manager, id))) {
      throw notFound('Bassin introuvable');
    }
  }

  private nameConflictOr(err: unknown): unknown {
    return isUniqueViolation(err)
      ? conflict('Une organisation porte déjà ce nom', [{ path: 'name', message: 'Ce nom est déjà utilisé' }])
      : err;
  }

  private toView(o: OrganisationRow): Organisation {
    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      bassinId: o.bassinId,
      address: { street: o.street, postalCode: o.postalCode, city: o.city },
      sectors: o.sectors,
      publics: o.publics,
      website: o.website,
      memberCount: o.memberCount,
      createdAt: o.createdAt.toISOString(),
    };
  }
}
