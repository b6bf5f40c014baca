import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DocAccessRegistry } from '../collab/doc-access-registry';
import { PresenceService } from './presence/presence.service';
import { RealtimeHub, rooms } from './realtime-hub';
import { SocketServer } from './socket-server';

/**
 * The rooms the realtime layer owns itself: a group's room (its members only: coordinators are not
 * members and do not follow a group's threads), a fiche's room (whoever may open the fiche's document),
 * and presence in a scope (whoever may be in the scope's room).
 */
@Injectable()
export class RealtimeRooms implements OnModuleInit {
  constructor(
    private readonly hub: RealtimeHub,
    private readonly docAccess: DocAccessRegistry,
    private readonly presence: PresenceService,
    private readonly socketServer: SocketServer,
  ) {}

  onModuleInit(): void {
    this.hub.authorizeRooms('group', async (subject, id) =>
      subject.memberships.some((m) => m.groupId === id),
    );
    this.hub.authorizeRooms(
      'fiche',
      async (subject, id) => (await this.docAccess.resolve(`fiche:${id}`, subject)) !== null,
    );

    this.hub.handle('fiche:join', async (ctx, { ficheId }) => {
      await ctx.join(rooms.fiche(ficheId));
      return null;
    });
    this.hub.handle('fiche:leave', async (ctx, { ficheId }) => {
      await ctx.leave(rooms.fiche(ficheId));
      return null;
    });

    this.hub.handle('presence:join', async (ctx, { scope }) => {
      // The scope `<kind>:<id>` is also the name of the room it is about: same authorizer.
      await ctx.join(rooms.presence(scope));
      return this.presence.join(this.socketOf(ctx.socketId), scope);
    });
    this.hub.handle('presence:leave', async (ctx, { scope }) => {
      await this.presence.leave(this.socketOf(ctx.socketId), scope);
      return null;
    });
  }

  private socketOf(socketId: string) {
    const socket = this.socketServer.io.of('/').sockets.get(socketId);
    if (!socket) throw new Error(`socket ${socketId} is gone`);
    return socket;
  }
}
