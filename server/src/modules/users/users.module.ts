import { Module } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [CollabModule],
  controllers: [UsersController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
