import { CollabCloseCode } from '@affluents/contracts';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { AuthContext } from '../common/auth/auth-context';
import { RecurringJob } from '../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessEvents } from '../identity/access-events';
import { SessionResolver } from '../identity/session-resolver';
import { CollabConnections } from './collab-connections';
import { DocAccessRegistry } from './doc-access-registry';
import { CollabFanout } from './fanout/collab-fanout';
import type { CollabConnection } from './protocol/collab-connection';

/** How often the safety net checks its next slice of connections. */
const SWEEP_TICK_MS = 1000;

/**
 * Keeps open document connections in line with the policy: when a user's access changed (the
 * AccessEvents domain event: signed out, sessions ended, removed from the group, role changed, account
 * disabled) their connections are re-checked on every node and closed if no longer allowed, and, as a
 * safety net, every connection is re-checked every COLLAB_REVALIDATE_INTERVAL_MS. The safety net checks
 * a slice of the connections every second, so each is checked once per interval without a burst of
 * two queries per connection at once (which held every editor's updates back for tens of ms).
 */
@Injectable()
export class CollabAccess implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CollabAccess');
  private sweep: RecurringJob | null = null;
  /** The connections of the current safety-net round not checked yet, and how many to check per tick. */
  private round: CollabConnection[] = [];
  private perTick = 1;
  /** The latest check started per connection: an older one finishing later must not bring stale rights back. */
  private readonly latestCheck = new WeakMap<CollabConnection, number>();
  private checks = 0;

  constructor(
    private readonly connections: CollabConnections,
    private readonly sessions: SessionResolver,
    private readonly access: DocAccessRegistry,
    private readonly fanout: CollabFanout,
    private readonly accessEvents: AccessEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.accessEvents.onChanged((userId) => this.revalidateUser(userId));
    const tick = Math.min(SWEEP_TICK_MS, this.config.collab.revalidateIntervalMs);
    this.sweep = new RecurringJob('CollabRevalidation', () => this.revalidateSlice(tick), {
      intervalMs: tick,
    });
    this.sweep.start();
    await this.fanout
      .onRevalidate((userId) => void this.revalidate(this.connections.ofUser(userId)))
      .catch((err: unknown) => this.logger.warn(`revalidation channel unavailable: ${String(err)}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweep?.stop();
  }

  /**
   * Re-checks the open document connections of a user on every node and closes those no longer
   * allowed (4401 session ended, 4403 access lost); a writer who became a reader stays, read-only.
   * Resolves once this node's connections are checked; the other nodes are asked without waiting for
   * Redis, so a sign-out never hangs on it. Runs on each AccessEvents change, after its commit.
   */
  async revalidateUser(userId: string): Promise<void> {
    void this.fanout
      .publishRevalidate(userId)
      .catch((err: unknown) => this.logger.warn(`revalidation not sent to other nodes: ${String(err)}`));
    await this.revalidate(this.connections.ofUser(userId));
  }

  /** Checks the next slice of the current round; a new round starts with the connections open now. */
  private revalidateSlice(tick: number): Promise<void> {
    if (this.round.length === 0) {
      this.round = this.connections.list();
      const ticksPerRound = Math.max(1, Math.floor(this.config.collab.revalidateIntervalMs / tick));
      this.perTick = Math.ceil(this.round.length / ticksPerRound);
    }
    return this.revalidate(this.round.splice(0, this.perTick).filter((c) => !c.isClosed));
  }

  private async revalidate(connections: CollabConnection[]): Promise<void> {
    const sessions = new Map<string, Promise<AuthContext | null>>();
    await Promise.all(
      connections.map(async (connection) => {
        const check = ++this.checks;
        this.latestCheck.set(connection, check);
        try {
          let session = sessions.get(connection.sessionToken);
          if (!session) {
            session = this.sessions.resolve(connection.sessionToken);
            sessions.set(connection.sessionToken, session);
          }
          const resolved = await session;
          if (this.latestCheck.get(connection) !== check) return;
          if (!resolved) return connection.close(CollabCloseCode.Unauthenticated, 'session ended');
          const access = await this.access.resolve(connection.docName, resolved.subject);
          // A later check started meanwhile reads fresher rights: it decides.
          if (this.latestCheck.get(connection) !== check) return;
          if (!access) {
            this.connections.counters.accessRevoked++;
            this.logger.log(
              `${connection.docName}: access of user ${connection.userId} revoked, connection closed`,
            );
            return connection.close(CollabCloseCode.Forbidden, 'access revoked');
          }
          connection.access = access;
        } catch (err) {
          // Database unreachable: keep the connection, the next check decides.
          this.logger.debug(`revalidation skipped: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
    );
  }
}
