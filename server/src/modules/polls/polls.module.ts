import { Module } from '@nestjs/common';

/** Polls carried by threads (built next). */
@Module({})
export class PollsModule {}
