import { type BassinSummary, groupKinds, type Subject } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../common/auth/password-hasher';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UserAccounts } from '../identity/user-accounts';
import { BassinsService } from '../modules/bassins/bassins.service';
import { GroupsService } from '../modules/groups/groups.service';
import { OrganisationsService } from '../modules/organisations/organisations.service';
import { DEMO_PASSWORD, demoBassins, demoOrganisations, demoPeople } from './demo-data';

/**
 * Loads the demo data into an empty database, through the services of the modules that own each piece (an
 * administrator creates the bassins, which come with their groups, then the structures and the people).
 * Refused in production.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: UserAccounts,
    private readonly bassins: BassinsService,
    private readonly groups: GroupsService,
    private readonly organisations: OrganisationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seeds when there are no accounts and no bassins yet; returns what it did, or null if it did nothing. */
  async seedIfEmpty(): Promise<{ summary: string } | null> {
    if (this.config.env === 'production') {
      throw new Error('Les données de démonstration sont refusées en production (NODE_ENV=production).');
    }
    const users = await this.accounts.count();
    const [{ bassinCount }] = await this.dataSource.query(
      'SELECT count(*)::int AS "bassinCount" FROM bassin_cards',
    );
    if (users > 0 || bassinCount > 0) return null;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    // Each piece is written by the module that owns it, through the rule it applies to everyone (a bassin
    // comes with its three groups...). A failure half-way leaves the database not empty: reset it and
    // start again, as the error says.
    const account = (person: (typeof demoPeople)[number], organisationId: string | null) =>
      this.accounts.create({
        email: person.email,
        displayName: person.displayName,
        jobTitle: person.jobTitle,
        passwordHash,
        platformRole: person.platformRole,
        organisationId,
      });
    // The administrator first: creating bassins is theirs to do.
    const admin = demoPeople.find((person) => person.platformRole === 'admin' && !person.organisation);
    if (!admin) throw new Error('the demo data has no administrator');
    const subject: Subject = {
      userId: (await account(admin, null)).id,
      platformRole: 'admin',
      memberships: [],
    };
    const bassins = new Map<string, BassinSummary>();
    for (const name of demoBassins) {
      bassins.set(name, await this.bassins.create({ name, groupKinds: [...groupKinds] }, subject));
    }
    const organisationIds = new Map<string, string>();
    for (const { key, bassin, street, postalCode, city, sectors, publics, name, kind } of demoOrganisations) {
      const saved = await this.organisations.create({
        name,
        kind,
        bassinId: bassins.get(bassin)?.id ?? null,
        address: { street, postalCode, city },
        sectors,
        publics,
        website: null,
      });
      organisationIds.set(key, saved.id);
    }
    for (const person of demoPeople) {
      if (person === admin) continue;
      const organisationId = person.organisation ? (organisationIds.get(person.organisation) ?? null) : null;
      const { id: userId } = await account(person, organisationId);
      for (const membership of person.groups) {
        const group = bassins.get(membership.bassin)?.groups.find((g) => g.kind === membership.kind);
        if (!group) throw new Error(`demo group missing: ${membership.bassin} ${membership.kind}`);
        await this.groups.addMember(group.id, { userId, role: membership.role }, subject);
      }
    }
    return {
      summary: `demo data: ${demoBassins.length} bassins, ${demoBassins.length * groupKinds.length} groups, ${demoOrganisations.length} organisations, ${demoPeople.length} accounts (password ${DEMO_PASSWORD})`,
    };
  }
}
