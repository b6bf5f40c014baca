import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type ResolvedSession, SessionService } from '../modules/auth/session.service';
import { PresenceService } from './presence/presence.service';
import { rooms } from './realtime-hub';
import { RoomRegistry } from './room-registry';
import type { IoSocket } from './socket-data';
import { SocketServer } from './socket-server';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Keeps connected sockets in line with the policy: on request for one user (on every node, through
 * the adapter's server-side events) and, as a safety net, every REALTIME_REVALIDATE_INTERVAL_MS for all
 * of this node's sockets. A socket whose session ended is disconnected; one that lost access to rooms
 * leaves them and receives `access:revoked`; new group memberships are joined.
 */
@Injectable()
export class SocketRevalidation {
  private readonly logger = new Logger('SocketRevalidation');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socketServer: SocketServer,
    private readonly sessions: SessionService,
    private readonly roomRegistry: RoomRegistry,
    private readonly presence: PresenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Listens to other nodes' requests and starts the periodic check. */
  start(): void {
    this.socketServer.io.on('revalidate', (userId: unknown) => {
      if (typeof userId === 'string') void this.revalidateLocal(userId);
    });
    this.timer = setInterval(
      () => void this.revalidate(this.socketServer.localSockets()),
      this.config.realtime.revalidateIntervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Re-checks the sockets of a user on this node and asks the other nodes to do the same. */
  async revalidateUser(userId: string): Promise<void> {
    if (!this.socketServer.started) return;
    try {
      this.socketServer.io.serverSideEmit('revalidate', userId);
    } catch (err) {
      this.logger.warn(`revalidation not sent to other nodes: ${errorText(err)}`);
    }
    await this.revalidateLocal(userId);
  }

  private revalidateLocal(userId: string): Promise<void> {
    return this.revalidate(this.socketServer.localSockets().filter((s) => s.data.userId === userId));
  }

  private async revalidate(sockets: IoSocket[]): Promise<void> {
    const sessions = new Map<string, Promise<ResolvedSession | null>>();
    await Promise.all(
      sockets.map(async (socket) => {
        try {
          const token = socket.data.sessionToken;
          let session = sessions.get(token);
          if (!session) {
            session = this.sessions.resolve(token);
            sessions.set(token, session);
          }
          const resolved = await session;
          if (!resolved) {
            socket.disconnect(true);
            return;
          }
          await this.refresh(socket, resolved);
        } catch (err) {
          // Database unreachable: keep the socket as it is, the next check decides.
          this.logger.debug(`revalidation skipped: ${errorText(err)}`);
        }
      }),
    );
  }

  private async refresh(socket: IoSocket, session: ResolvedSession): Promise<void> {
    const subject = session.subject;
    socket.data.subject = subject;
    socket.data.displayName = session.user.displayName;
    const revoked: string[] = [];
    for (const room of [...socket.rooms]) {
      if (room === socket.id) continue;
      if (await this.roomRegistry.allows(subject, room)) continue;
      revoked.push(room);
      if (room.startsWith('presence:')) await this.presence.leave(socket, room.slice('presence:'.length));
      await socket.leave(room);
    }
    for (const membership of subject.memberships) await socket.join(rooms.group(membership.groupId));
    if (revoked.length > 0) {
      this.logger.log(`user ${socket.data.userId} lost access to ${revoked.join(', ')}`);
      socket.emit('access:revoked', { rooms: revoked });
    }
  }
}
