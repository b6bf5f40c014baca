import { Module } from '@nestjs/common';
import { CollabModule } from '../../../collab/collab.module';
import { DomainEventsModule } from '../../../common/events/domain-events.module';
import { IdentityModule } from '../../../identity/identity.module';
import { DiscussionsModule } from '../../discussions/discussions.module';
import { FichesModule } from '../../fiches/fiches.module';
import { MeetingsModule } from '../meetings.module';
import { FicheMinutesController, MeetingMinutesController } from './meeting-minutes.controller';
import { MeetingMinutesService } from './meeting-minutes.service';

/** Minutes of a meeting: review with amendments, frozen publication, PDF, links from the fiches. */
@Module({
  imports: [
    CollabModule,
    DiscussionsModule,
    DomainEventsModule,
    FichesModule,
    IdentityModule,
    MeetingsModule,
  ],
  controllers: [MeetingMinutesController, FicheMinutesController],
  providers: [MeetingMinutesService],
})
export class MeetingMinutesModule {}
