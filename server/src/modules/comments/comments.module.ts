import { Module } from '@nestjs/common';

/** Comments anchored in the text of fiches (built next). */
@Module({})
export class CommentsModule {}
