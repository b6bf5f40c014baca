import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { BassinsModule } from '../modules/bassins/bassins.module';
import { GroupsModule } from '../modules/groups/groups.module';
import { OrganisationsModule } from '../modules/organisations/organisations.module';
import { DemoSeeder } from './demo-seeder';

/** The demo data, written through the modules that own it. */
@Module({
  imports: [IdentityModule, BassinsModule, GroupsModule, OrganisationsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class SeedModule {}
