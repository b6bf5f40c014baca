import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { RealtimeModule } from '../../realtime/realtime.module';
import { DiscussionsModule } from '../discussions/discussions.module';
import { PollStore } from './poll-store';
import { PollsController } from './polls.controller';
import { PollsService } from './polls.service';

/** Polls carried by threads: proposals, single and multiple choices, date polls. */
@Module({
  // Opened and closed polls are told on the bus (`poll.opened`, `poll.closed`): notifications listen.
  imports: [DiscussionsModule, DomainEventsModule, RealtimeModule],
  controllers: [PollsController],
  providers: [PollsService, PollStore],
  exports: [PollsService],
})
export class PollsModule {}
