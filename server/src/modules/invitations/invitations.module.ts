import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module';
import { AuthModule } from '../auth/auth.module';
import { GroupsModule } from '../groups/groups.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [IdentityModule, AuthModule, GroupsModule, OrganisationsModule],
  controllers: [InvitationsController],
  providers: [InvitationsService],
  // A bassin merge moves a folded group's invitations.
  exports: [InvitationsService],
})
export class InvitationsModule {}
