import { Module } from '@nestjs/common';
import { RealtimeModule } from '../../realtime/realtime.module';
import { DiscussionsModule } from '../discussions/discussions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PollStore } from './poll-store';
import { PollsController } from './polls.controller';
import { PollsService } from './polls.service';

/** Polls carried by threads: proposals, single and multiple choices, date polls. */
@Module({
  // RealtimeHub and Notifier come from these modules; the service takes them as optional.
  imports: [DiscussionsModule, RealtimeModule, NotificationsModule],
  controllers: [PollsController],
  providers: [PollsService, PollStore],
  exports: [PollsService],
})
export class PollsModule {}
