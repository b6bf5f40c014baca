import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module';
import { GroupsModule } from '../groups/groups.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [IdentityModule, GroupsModule, OrganisationsModule],
  controllers: [UsersController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
