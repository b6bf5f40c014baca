import { Injectable } from '@nestjs/common';
import type { RealtimeHub } from '../../../realtime/realtime-hub';
import { MeetingAccess } from '../meeting-access';
import { LiveMeetingService } from './live-meeting.service';
import { meetingRoom } from './meeting-room';

/**
 * The live-mode events of the Socket.IO protocol. The hub validates payloads; LiveMeetingService checks
 * the policy ('meeting.view' to join, 'meeting.manage' to run it, 'meeting.participate' for hands).
 */
@Injectable()
export class LiveSocketHandlers {
  constructor(
    private readonly live: LiveMeetingService,
    private readonly access: MeetingAccess,
  ) {}

  register(hub: RealtimeHub): void {
    hub.authorizeRooms('meeting', (subject, id) => this.access.canView(id, subject));

    hub.handle('meeting:join', async (ctx, { meetingId }) => {
      const resolved = await this.access.assert(meetingId, ctx.subject, 'meeting.view');
      // Join first, then read: a change in between arrives as an event too, never missed.
      await ctx.join(meetingRoom(meetingId));
      return this.live.state(resolved);
    });
    hub.handle('meeting:leave', async (ctx, { meetingId }) => {
      await ctx.leave(meetingRoom(meetingId));
      return null;
    });
    hub.handle('meeting:start', (ctx, { meetingId }) => this.live.start(meetingId, ctx.subject));
    hub.handle('meeting:goto', (ctx, { meetingId, index }) => this.live.goto(meetingId, index, ctx.subject));
    hub.handle('meeting:end', (ctx, { meetingId }) => this.live.end(meetingId, ctx.subject));
    hub.handle('hand:raise', (ctx, { meetingId }) => this.live.raiseHand(meetingId, ctx.subject));
    hub.handle('hand:lower', (ctx, { meetingId }) => this.live.lowerHand(meetingId, ctx.subject));
    hub.handle('floor:give', (ctx, { meetingId, userId }) =>
      this.live.giveFloor(meetingId, userId, ctx.subject),
    );
  }
}
