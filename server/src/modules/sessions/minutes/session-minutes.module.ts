import { Module } from '@nestjs/common';

/** Minutes of a session: review with amendments, frozen publication, PDF (built next). */
@Module({})
export class SessionMinutesModule {}
