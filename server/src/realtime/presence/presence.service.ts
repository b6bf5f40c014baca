import type { PresenceEntry, PresenceSnapshot } from '@affluents/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { UserDirectory } from '../../identity/user-directory';
import { RedisService } from '../../infra/redis/redis.service';
import { rooms } from '../realtime-hub';
import type { IoSocket } from '../socket-data';
import { SocketServer } from '../socket-server';
import { FallbackPresenceStore } from './fallback-presence-store';
import { MemoryPresenceStore } from './memory-presence-store';
import type { PresenceStore } from './presence-store';
import { RedisPresenceStore } from './redis-presence-store';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Who is present in a group home, a thread or a fiche. Sockets enter a scope with `presence:join`; this
 * node refreshes the heartbeats of its own sockets every PRESENCE_HEARTBEAT_MS and sweeps entries older
 * than PRESENCE_TTL_MS; every change is pushed as a `presence` snapshot to the scope's presence room.
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger('Presence');
  private readonly store: PresenceStore;
  private heartbeat: RecurringJob | null = null;
  /** Heartbeats left that push every local scope's snapshot, after Redis came back. */
  private recoveryBroadcasts = 0;

  constructor(
    private readonly socketServer: SocketServer,
    private readonly users: UserDirectory,
    redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const ttl = config.realtime.presenceTtlMs;
    this.store = redis.enabled
      ? new FallbackPresenceStore(new RedisPresenceStore(() => redis.client(), redis.keys, ttl), ttl, (err) =>
          this.logger.warn(
            `Redis unreachable (${errorText(err)}): presence of this node only until it is back`,
          ),
        )
      : new MemoryPresenceStore(ttl);
  }

  /** Starts this node's heartbeats and expiry sweep. */
  start(): void {
    this.heartbeat = new RecurringJob('PresenceHeartbeat', () => this.tick(), {
      intervalMs: this.config.realtime.presenceHeartbeatMs,
    });
    this.heartbeat.start();
  }

  /** Stops the timers and removes this node's sockets from presence (others see them leave at once). */
  async stop(): Promise<void> {
    await this.heartbeat?.stop();
    this.heartbeat = null;
    await Promise.all(this.socketServer.localSockets().map((socket) => this.disconnected(socket)));
  }

  /** Puts a socket in a scope (already authorised) and returns the scope's snapshot. */
  async join(socket: IoSocket, scope: string): Promise<PresenceSnapshot> {
    socket.data.presenceScopes.add(scope);
    await socket.join(rooms.presence(scope));
    await this.store.touch([{ scope, userId: socket.data.userId, socketId: socket.id }], Date.now());
    const snapshot = await this.snapshot(scope);
    socket.to(rooms.presence(scope)).emit('presence:updated', snapshot);
    return snapshot;
  }

  /** Takes a socket out of a scope and tells the others. */
  async leave(socket: IoSocket, scope: string): Promise<void> {
    if (!socket.data.presenceScopes.delete(scope)) return;
    await socket.leave(rooms.presence(scope));
    await this.store.remove({ scope, userId: socket.data.userId, socketId: socket.id }, Date.now());
    await this.broadcast(scope);
  }

  /** A socket went away: it leaves all its scopes. Never throws. */
  async disconnected(socket: IoSocket): Promise<void> {
    const scopes = [...(socket.data.presenceScopes ?? [])];
    await Promise.all(
      scopes.map((scope) =>
        this.leave(socket, scope).catch((err: unknown) =>
          this.logger.warn(`presence leave of ${scope} failed: ${errorText(err)}`),
        ),
      ),
    );
  }

  /** Online users first (by name), then users seen in the last hour (most recent first). */
  async snapshot(scope: string): Promise<PresenceSnapshot> {
    const state = await this.store.read(scope, Date.now());
    const userIds = [...new Set([...state.online, ...state.lastSeen.keys()])];
    const names = await this.users.displayNames(userIds);
    const entries: PresenceEntry[] = userIds
      .filter((id) => names.has(id))
      .map((id) => ({
        userId: id,
        displayName: names.get(id) ?? '',
        online: state.online.has(id),
        lastSeenAt: new Date(state.lastSeen.get(id) ?? Date.now()).toISOString(),
      }));
    entries.sort((a, b) =>
      a.online !== b.online
        ? Number(b.online) - Number(a.online)
        : a.online
          ? a.displayName.localeCompare(b.displayName, 'fr')
          : b.lastSeenAt.localeCompare(a.lastSeenAt),
    );
    return { scope, entries };
  }

  private async broadcast(scope: string): Promise<void> {
    if (!this.socketServer.started) return;
    const snapshot = await this.snapshot(scope);
    this.socketServer.io.to(rooms.presence(scope)).emit('presence:updated', snapshot);
  }

  private async tick(): Promise<void> {
    try {
      const marks = this.socketServer.localSockets().flatMap((socket) =>
        [...(socket.data.presenceScopes ?? [])].map((scope) => ({
          scope,
          userId: socket.data.userId,
          socketId: socket.id,
        })),
      );
      const now = Date.now();
      await this.store.touch(marks, now);
      const changed = new Set(await this.store.sweep(now));
      // Back from an outage, the snapshots shown lack the other nodes' users. Pushed on two heartbeats:
      // by the second, every node has had one heartbeat to put its sockets back in Redis.
      if (this.store instanceof FallbackPresenceStore && this.store.takeRecovered())
        this.recoveryBroadcasts = 2;
      if (this.recoveryBroadcasts > 0) {
        this.recoveryBroadcasts--;
        for (const mark of marks) changed.add(mark.scope);
      }
      await Promise.all([...changed].map((scope) => this.broadcast(scope)));
    } catch (err) {
      // Redis briefly away: the next tick catches up.
      this.logger.warn(`presence heartbeat failed: ${errorText(err)}`);
    }
  }
}
