import { Module, type OnModuleInit } from '@nestjs/common';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { RealtimeHub } from '../../realtime/realtime-hub';
import { DiscussionEvents } from './discussion-events';
import { DiscussionSearchService } from './discussion-search.service';
import { DiscussionSocketHandlers } from './discussion-socket-handlers';
import { DiscussionsController } from './discussions.controller';
import { LinkPreviews } from './link-previews';
import { MessageBatchWriter } from './message-batch-writer';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { ThreadAccess } from './thread-access';
import { ThreadFollows } from './thread-follows';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

/** Threads, messages, reading state and moderation. */
@Module({
  imports: [DomainEventsModule],
  controllers: [ThreadsController, MessagesController, DiscussionsController],
  providers: [
    ThreadAccess,
    ThreadFollows,
    ThreadsService,
    MessagesService,
    MessageBatchWriter,
    DiscussionSearchService,
    DiscussionEvents,
    LinkPreviews,
    DiscussionSocketHandlers,
  ],
  // MessagesService: other features (meetings' minutes) post their announcements in a thread;
  // ThreadsService: readers' questions on a fiche open their thread through it; ThreadFollows: who
  // hears of a thread, for the notifications.
  exports: [ThreadAccess, ThreadFollows, MessagesService, ThreadsService],
})
export class DiscussionsModule implements OnModuleInit {
  constructor(
    private readonly handlers: DiscussionSocketHandlers,
    private readonly hub: RealtimeHub,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this.hub);
  }
}
