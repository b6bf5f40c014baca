import { CollabCloseCode } from '@affluents/contracts';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionService, type SessionSubject } from '../modules/auth/session.service';
import { CollabConnections } from './collab-connections';
import { DocAccessRegistry } from './doc-access-registry';
import { CollabFanout } from './fanout/collab-fanout';
import type { CollabConnection } from './protocol/collab-connection';

/**
 * Keeps open document connections in line with the policy: a user who lost access (removed from the
 * group, account disabled, signed out) has their connections closed on every node, on request
 * (`revalidateUser`) and, as a safety net, every COLLAB_REVALIDATE_INTERVAL_MS.
 */
@Injectable()
export class CollabAccess implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CollabAccess');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connections: CollabConnections,
    private readonly sessions: SessionService,
    private readonly access: DocAccessRegistry,
    private readonly fanout: CollabFanout,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.timer = setInterval(
      () => void this.revalidate(this.connections.list()),
      this.config.collab.revalidateIntervalMs,
    );
    this.timer.unref();
    await this.fanout
      .onRevalidate((userId) => void this.revalidate(this.connections.ofUser(userId)))
      .catch((err: unknown) => this.logger.warn(`revalidation channel unavailable: ${String(err)}`));
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Re-checks the open document connections of a user on every node and closes those no longer
   * allowed (4401 session ended, 4403 access lost); a writer who became a reader stays, read-only.
   * Call it after the change (membership removed, account disabled) is committed.
   */
  async revalidateUser(userId: string): Promise<void> {
    await Promise.all([
      this.revalidate(this.connections.ofUser(userId)),
      this.fanout
        .publishRevalidate(userId)
        .catch((err: unknown) => this.logger.warn(`revalidation not sent to other nodes: ${String(err)}`)),
    ]);
  }

  private async revalidate(connections: CollabConnection[]): Promise<void> {
    const sessions = new Map<string, Promise<SessionSubject | null>>();
    await Promise.all(
      connections.map(async (connection) => {
        try {
          let session = sessions.get(connection.sessionToken);
          if (!session) {
            session = this.sessions.resolveSubject(connection.sessionToken);
            sessions.set(connection.sessionToken, session);
          }
          const resolved = await session;
          if (!resolved) return connection.close(CollabCloseCode.Unauthenticated, 'session ended');
          const access = await this.access.resolve(connection.docName, resolved.subject);
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
