import { Module, type OnModuleInit } from '@nestjs/common';
import { CollabModule } from '../../../collab/collab.module';
import { DomainEventsModule } from '../../../common/events/domain-events.module';
import { IdentityModule } from '../../../identity/identity.module';
import { RealtimeHub } from '../../../realtime/realtime-hub';
import { MeetingsModule } from '../meetings.module';
import { LiveMeetingService } from './live-meeting.service';
import { LiveSocketHandlers } from './live-socket-handlers';
import { MeetingFollowUpService } from './meeting-follow-up.service';
import { MeetingLiveController } from './meeting-live.controller';

/**
 * Live mode of a meeting over Socket.IO (current item and timer, speaking queue, floor), and what a
 * meeting leaves behind: attendance, decisions and follow-up actions. MeetingAccess comes from the
 * global MeetingsModule.
 */
@Module({
  imports: [CollabModule, DomainEventsModule, IdentityModule, MeetingsModule],
  controllers: [MeetingLiveController],
  providers: [LiveMeetingService, MeetingFollowUpService, LiveSocketHandlers],
  exports: [LiveMeetingService],
})
export class MeetingLiveModule implements OnModuleInit {
  constructor(
    private readonly handlers: LiveSocketHandlers,
    private readonly hub: RealtimeHub,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this.hub);
  }
}
