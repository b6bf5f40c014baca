import { Global, Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { IdentityModule } from '../identity/identity.module';
import { EventRateLimits } from './event-rate-limits';
import { EventRouter } from './event-router';
import { HandshakeAuth } from './handshake-auth';
import { PresenceService } from './presence/presence.service';
import { RealtimeHub } from './realtime-hub';
import { RealtimeRooms } from './realtime-rooms';
import { RoomRegistry } from './room-registry';
import { SocketIoHub } from './socket-io-hub';
import { SocketRevalidation } from './socket-revalidation';
import { SocketServer } from './socket-server';

/**
 * Socket.IO at /socket.io/: handshake auth, event routing with validation and rate limits, rooms,
 * revalidation and presence. Domain modules use the global RealtimeHub (and PresenceService).
 */
@Global()
@Module({
  imports: [CollabModule, IdentityModule],
  providers: [
    EventRateLimits,
    EventRouter,
    HandshakeAuth,
    PresenceService,
    RealtimeRooms,
    RoomRegistry,
    SocketIoHub,
    { provide: RealtimeHub, useExisting: SocketIoHub },
    SocketRevalidation,
    SocketServer,
  ],
  exports: [RealtimeHub, PresenceService],
})
export class RealtimeModule {}
