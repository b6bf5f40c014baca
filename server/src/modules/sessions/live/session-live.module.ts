import { Module, type OnModuleInit } from '@nestjs/common';
import { CollabModule } from '../../../collab/collab.module';
import { RealtimeHub } from '../../../realtime/realtime-hub';
import { SessionsModule } from '../sessions.module';
import { LiveSessionService } from './live-session.service';
import { LiveSocketHandlers } from './live-socket-handlers';
import { SessionAgenda } from './session-agenda';
import { SessionFollowUpService } from './session-follow-up.service';
import { SessionLiveController } from './session-live.controller';

/**
 * Live mode of a session over Socket.IO (current item and timer, speaking queue, floor), and what a
 * session leaves behind: attendance, decisions and follow-up actions. SessionAccess comes from the
 * global SessionsModule.
 */
@Module({
  imports: [CollabModule, SessionsModule],
  controllers: [SessionLiveController],
  providers: [SessionAgenda, LiveSessionService, SessionFollowUpService, LiveSocketHandlers],
  exports: [LiveSessionService, SessionAgenda],
})
export class SessionLiveModule implements OnModuleInit {
  constructor(
    private readonly handlers: LiveSocketHandlers,
    private readonly hub: RealtimeHub,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this.hub);
  }
}
