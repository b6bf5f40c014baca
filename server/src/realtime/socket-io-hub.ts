import type { ClientEventName, ServerEvents } from '@affluents/contracts';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventRouter } from './event-router';
import { HandshakeAuth } from './handshake-auth';
import { PresenceService } from './presence/presence.service';
import { type ClientEventHandler, RealtimeHub, type RoomAuthorizer, rooms } from './realtime-hub';
import { RoomRegistry } from './room-registry';
import { socketContext } from './socket-context';
import type { IoSocket } from './socket-data';
import { SocketRevalidation } from './socket-revalidation';
import { SocketServer } from './socket-server';

/**
 * The RealtimeHub over Socket.IO: starts the server at bootstrap (handshake auth, then for each socket
 * its user and group rooms and the event router), and stops it on shutdown before Redis and the
 * database close.
 */
@Injectable()
export class SocketIoHub extends RealtimeHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly socketServer: SocketServer,
    private readonly handshake: HandshakeAuth,
    private readonly router: EventRouter,
    private readonly roomRegistry: RoomRegistry,
    private readonly revalidation: SocketRevalidation,
    private readonly presence: PresenceService,
  ) {
    super();
  }

  emit<E extends keyof ServerEvents>(
    room: string | string[],
    event: E,
    ...args: Parameters<ServerEvents[E]>
  ): void {
    if (!this.socketServer.started) return;
    const target = this.socketServer.io.to(room);
    (target.emit as (e: E, ...a: Parameters<ServerEvents[E]>) => boolean)(event, ...args);
  }

  handle<E extends ClientEventName>(event: E, handler: ClientEventHandler<E>): void {
    this.router.register(event, handler);
  }

  authorizeRooms(prefix: string, authorizer: RoomAuthorizer): void {
    this.roomRegistry.register(prefix, authorizer);
  }

  async onApplicationBootstrap(): Promise<void> {
    const io = await this.socketServer.start();
    // A command-line context (seed, create-admin) serves no sockets.
    if (!io) return;
    io.use(this.handshake.middleware);
    io.on('connection', (socket) => void this.onConnection(socket));
    this.revalidation.start();
    this.presence.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.revalidation.stop();
    await this.presence.stop();
    await this.socketServer.close();
  }

  private async onConnection(socket: IoSocket): Promise<void> {
    const ctx = socketContext(socket, this.roomRegistry);
    // Listeners first, so that no event sent right after the connection is lost.
    socket.onAny((event: string, ...args: unknown[]) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? last : undefined;
      const payload = ack && args.length === 1 ? undefined : args[0];
      void this.router.dispatch(ctx, event, payload, ack);
    });
    socket.on('disconnect', () => void this.presence.disconnected(socket));
    socket.on('error', (err) => this.logger.debug(`socket ${socket.id}: ${err.message}`));
    try {
      await socket.join([
        rooms.user(socket.data.userId),
        ...socket.data.subject.memberships.map((m) => rooms.group(m.groupId)),
      ]);
    } catch (err) {
      this.logger.warn(`joining rooms failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
