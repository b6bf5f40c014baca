import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ActivityController } from './activity.controller';
import { ActivityListener } from './activity.listener';
import { ActivityService } from './activity.service';

/**
 * « Nouveautés » beyond messages: what happened in each group (`group_activity`) and each member's read
 * marker per group (`activity_reads`). The listener records the domain events of fiches, comments, polls,
 * meetings, minutes and actions; no feature calls this module.
 */
@Module({
  // MeetingsModule: meeting events carry only the meeting, whose group and title MeetingAccess tells.
  imports: [DomainEventsModule, MeetingsModule],
  controllers: [ActivityController],
  providers: [ActivityService, ActivityListener],
})
export class ActivityModule {}
