import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module';
import { GroupsModule } from '../groups/groups.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { BassinsController } from './bassins.controller';
import { BassinsService } from './bassins.service';

@Module({
  imports: [IdentityModule, GroupsModule, InvitationsModule, OrganisationsModule],
  controllers: [BassinsController],
  providers: [BassinsService],
  exports: [BassinsService],
})
export class BassinsModule {}
