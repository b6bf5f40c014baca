import { Module } from '@nestjs/common';

/** Calendar files, personal feeds, invitation and reminder emails of sessions (built next). */
@Module({})
export class SessionCalendarModule {}
