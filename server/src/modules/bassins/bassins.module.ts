import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module';
import { GroupsModule } from '../groups/groups.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { BassinsController } from './bassins.controller';
import { BassinsService } from './bassins.service';

@Module({
  imports: [IdentityModule, GroupsModule, InvitationsModule],
  controllers: [BassinsController],
  providers: [BassinsService],
  exports: [BassinsService],
})
export class BassinsModule {}
