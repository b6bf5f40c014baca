import { Injectable } from '@nestjs/common';
import type { RealtimeHub } from '../../../realtime/realtime-hub';
import { SessionAccess } from '../session-access';
import { LiveSessionService } from './live-session.service';
import { sessionRoom } from './session-room';

/**
 * The live-mode events of the Socket.IO protocol. The hub validates payloads; LiveSessionService checks
 * the policy ('session.view' to join, 'session.manage' to run it, 'session.participate' for hands).
 */
@Injectable()
export class LiveSocketHandlers {
  constructor(
    private readonly live: LiveSessionService,
    private readonly access: SessionAccess,
  ) {}

  register(hub: RealtimeHub): void {
    hub.authorizeRooms('session', (subject, id) => this.access.canView(id, subject));

    hub.handle('session:join', async (ctx, { sessionId }) => {
      const resolved = await this.access.assert(sessionId, ctx.subject, 'session.view');
      // Join first, then read: a change in between arrives as an event too, never missed.
      await ctx.join(sessionRoom(sessionId));
      return this.live.state(resolved);
    });
    hub.handle('session:leave', async (ctx, { sessionId }) => {
      await ctx.leave(sessionRoom(sessionId));
      return null;
    });
    hub.handle('session:start', (ctx, { sessionId }) => this.live.start(sessionId, ctx.subject));
    hub.handle('session:goto', (ctx, { sessionId, index }) => this.live.goto(sessionId, index, ctx.subject));
    hub.handle('session:end', (ctx, { sessionId }) => this.live.end(sessionId, ctx.subject));
    hub.handle('hand:raise', (ctx, { sessionId }) => this.live.raiseHand(sessionId, ctx.subject));
    hub.handle('hand:lower', (ctx, { sessionId }) => this.live.lowerHand(sessionId, ctx.subject));
    hub.handle('floor:give', (ctx, { sessionId, userId }) =>
      this.live.giveFloor(sessionId, userId, ctx.subject),
    );
  }
}
