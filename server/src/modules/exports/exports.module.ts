import { Module } from '@nestjs/common';

/** PDF exports of fiches and of toolbox search results (built next). */
@Module({})
export class ExportsModule {}
