import { groupKinds } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../common/auth/password-hasher';
import { slugify } from '../common/slug';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UserAccounts } from '../identity/user-accounts';
import { BassinEntity } from '../modules/bassins/bassin.entity';
import { GroupEntity } from '../modules/groups/group.entity';
import { MembershipEntity } from '../modules/groups/membership.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { DEMO_PASSWORD, demoBassins, demoOrganisations, demoPeople } from './demo-data';

/** Loads the demo data into an empty database, in one transaction. Refused in production. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seeds when there are no accounts and no bassins yet; returns what it did, or null if it did nothing. */
  async seedIfEmpty(): Promise<{ summary: string } | null> {
    if (this.config.env === 'production') {
      throw new Error('Les données de démonstration sont refusées en production (NODE_ENV=production).');
    }
    const users = await this.accounts.count();
    const [{ bassins }] = await this.dataSource.query('SELECT count(*)::int AS bassins FROM bassin_cards');
    if (users > 0 || bassins > 0) return null;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.dataSource.transaction(async (manager) => {
      const bassinIds = new Map<string, string>();
      for (const name of demoBassins) {
        const saved = await manager
          .getRepository(BassinEntity)
          .save({ name, slug: slugify(name), archivedAt: null, mergedIntoId: null });
        bassinIds.set(name, saved.id);
      }
      const groups = await manager
        .getRepository(GroupEntity)
        .save(
          demoBassins.flatMap((name) =>
            groupKinds.map((kind) => ({ bassinId: bassinIds.get(name) as string, kind, archivedAt: null })),
          ),
        );
      const organisationIds = new Map<string, string>();
      for (const { key, bassin, ...org } of demoOrganisations) {
        const saved = await manager
          .getRepository(OrganisationEntity)
          .save({ ...org, bassinId: bassinIds.get(bassin) ?? null, website: null });
        organisationIds.set(key, saved.id);
      }
      for (const person of demoPeople) {
        const user = await this.accounts.create(
          {
            email: person.email,
            displayName: person.displayName,
            jobTitle: person.jobTitle,
            passwordHash,
            platformRole: person.platformRole,
            organisationId: person.organisation ? (organisationIds.get(person.organisation) ?? null) : null,
          },
          manager,
        );
        for (const membership of person.groups) {
          const group = groups.find(
            (g) => g.bassinId === bassinIds.get(membership.bassin) && g.kind === membership.kind,
          );
          if (!group) throw new Error(`demo group missing: ${membership.bassin} ${membership.kind}`);
          await manager
            .getRepository(MembershipEntity)
            .insert({ userId: user.id, groupId: group.id, role: membership.role });
        }
      }
    });
    return {
      summary: `demo data: ${demoBassins.length} bassins, ${demoBassins.length * groupKinds.length} groups, ${demoOrganisations.length} organisations, ${demoPeople.length} accounts (password ${DEMO_PASSWORD})`,
    };
  }
}
