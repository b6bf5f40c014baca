import type { Subject } from '@affluents/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthContext } from '../common/auth/auth-context';
import { RecurringJob } from '../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessEvents } from '../identity/access-events';
import { SessionResolver } from '../identity/session-resolver';
import { PresenceService } from './presence/presence.service';
import { rooms } from './realtime-hub';
import { RoomRegistry } from './room-registry';
import type { IoSocket } from './socket-data';
import { SocketServer } from './socket-server';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Keeps connected sockets in line with the policy: when a user's access changed (the AccessEvents domain
 * event: a session ended, a role, membership or grant changed), on every node through the adapter's
 * server-side events, and, as a safety net, every REALTIME_REVALIDATE_INTERVAL_MS for all of this node's
 * sockets. A socket whose session ended is disconnected; the others take the user's current rights
 * (the subject event handlers authorise with), leave the rooms they lost (and receive `access:revoked`)
 * and join their new group rooms.
 */
@Injectable()
export class SocketRevalidation {
  private readonly logger = new Logger('SocketRevalidation');
  private sweep: RecurringJob | null = null;
  /** The latest check started per socket: an older one finishing later must not bring stale rights back. */
  private readonly latestCheck = new WeakMap<IoSocket, number>();
  private checks = 0;

  constructor(
    private readonly socketServer: SocketServer,
    private readonly sessions: SessionResolver,
    private readonly roomRegistry: RoomRegistry,
    private readonly presence: PresenceService,
    private readonly accessEvents: AccessEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Listens to access changes made on this node and to other nodes' requests, starts the periodic check. */
  start(): void {
    this.accessEvents.onChanged((userId) => this.revalidateUser(userId));
    this.socketServer.io.on('revalidate', (userId: unknown) => {
      if (typeof userId === 'string') void this.revalidateLocal(userId);
    });
    this.sweep = new RecurringJob(
      'SocketRevalidation',
      () => this.revalidate(this.socketServer.localSockets()),
      {
        intervalMs: this.config.realtime.revalidateIntervalMs,
      },
    );
    this.sweep.start();
  }

  async stop(): Promise<void> {
    await this.sweep?.stop();
    this.sweep = null;
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
    const sessions = new Map<string, Promise<AuthContext | null>>();
    await Promise.all(
      sockets.map(async (socket) => {
        const check = ++this.checks;
        this.latestCheck.set(socket, check);
        try {
          const token = socket.data.sessionToken;
          let session = sessions.get(token);
          if (!session) {
            session = this.sessions.resolve(token);
            sessions.set(token, session);
          }
          const resolved = await session;
          if (this.latestCheck.get(socket) !== check) return;
          if (!resolved) {
            socket.disconnect(true);
            return;
          }
          await this.refresh(socket, resolved, check);
        } catch (err) {
          // Database unreachable: keep the socket as it is, the next check decides.
          this.logger.debug(`revalidation skipped: ${errorText(err)}`);
        }
      }),
    );
  }

  private async refresh(socket: IoSocket, session: AuthContext, check: number): Promise<void> {
    const subject = session.subject;
    const rightsChanged = rightsOf(socket.data.subject) !== rightsOf(subject);
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
    // A later check started meanwhile has fresher memberships: joining from these could undo a removal.
    if (this.latestCheck.get(socket) === check) {
      for (const membership of subject.memberships) await socket.join(rooms.group(membership.groupId));
    }
    if (revoked.length > 0) {
      this.logger.log(`user ${socket.data.userId} lost access to ${revoked.join(', ')}`);
      socket.emit('access:revoked', { rooms: revoked });
    }
    // The page hides what the policy refuses: it has to learn that a role came or went.
    if (rightsChanged) socket.emit('access:changed');
  }
}

/** What of a subject the policy reads, in a comparable form. */
function rightsOf(subject: Subject): string {
  const memberships = subject.memberships.map((m) => `${m.groupId}:${m.role}`).sort();
  return `${subject.platformRole ?? ''}|${memberships.join(',')}`;
}
