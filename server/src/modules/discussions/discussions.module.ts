import { Module } from '@nestjs/common';
import { ThreadAccess } from './thread-access';

/** Threads, messages, reading state and moderation. */
@Module({
  providers: [ThreadAccess],
  exports: [ThreadAccess],
})
export class DiscussionsModule {}
