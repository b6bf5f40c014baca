import { Module, type OnModuleInit } from '@nestjs/common';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { IdentityModule } from '../../identity/identity.module';
import { RealtimeHub } from '../../realtime/realtime-hub';
import { FichesModule } from '../fiches/fiches.module';
import { DiscussionAudience } from './discussion-audience';
import { DiscussionEvents } from './discussion-events';
import { DiscussionSearchService } from './discussion-search.service';
import { DiscussionSocketHandlers } from './discussion-socket-handlers';
import { DiscussionsController } from './discussions.controller';
import { LinkPreviews } from './link-previews';
import { MessageBatchWriter } from './message-batch-writer';
import { MessageFiles } from './message-files';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { ThreadAccess } from './thread-access';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

/** Threads, messages, reading state and moderation. */
@Module({
  // FichesModule: a fiche's own thread opens for the readers of the fiche, as FichesService decides.
  imports: [DomainEventsModule, IdentityModule, FichesModule],
  controllers: [ThreadsController, MessagesController, DiscussionsController],
  providers: [
    ThreadAccess,
    DiscussionAudience,
    ThreadsService,
    MessagesService,
    MessageBatchWriter,
    MessageFiles,
    DiscussionSearchService,
    DiscussionEvents,
    LinkPreviews,
    DiscussionSocketHandlers,
  ],
  // MessagesService: other features (meetings' minutes) post their announcements in a thread;
  // ThreadsService: readers' questions on a fiche open their thread through it; DiscussionAudience: who
  // hears of a thread and its messages, for the notifications; MessageFiles: who attaches and reads a
  // message's files, for the files module.
  exports: [ThreadAccess, DiscussionAudience, MessagesService, ThreadsService, MessageFiles],
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
