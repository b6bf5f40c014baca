import type { Subject } from '@affluents/contracts';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { hashToken, newSecretToken } from '../common/auth/tokens';
import { RecurringJob } from '../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessEvents } from './access-events';
import { AuthSessionEntity } from './auth-session.entity';
import { type SessionRenewal, sessionTtlMs } from './session-rules';

/** A stored session as the resolver judges it, with its account and the account's group roles. */
export interface StoredSession {
  sessionId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  /** Null when the account is disabled. */
  userId: string | null;
  displayName: string | null;
  platformRole: Subject['platformRole'];
  memberships: Subject['memberships'];
}

// The session, its (enabled) user and the user's memberships of live groups (the groups module's
// published views), in one round trip.
const STORED_SESSION_SQL = `
  SELECT s.id AS "sessionId", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt",
         u.id AS "userId", u.display_name AS "displayName", u.platform_role AS "platformRole",
         COALESCE((SELECT json_agg(json_build_object('groupId', m.group_id, 'role', m.role))
                     FROM group_members m
                     JOIN group_cards g ON g.id = m.group_id AND g.archived_at IS NULL
                    WHERE m.user_id = u.id), '[]'::json) AS "memberships"
    FROM auth_sessions s
    LEFT JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
   WHERE s.token_hash = $1`;

/**
 * Sign-in sessions stored in PostgreSQL (the `auth_sessions` table's one owner), so every server node
 * accepts every cookie. Opening and ending sessions is the auth feature's; judging them is the
 * SessionResolver's.
 */
@Injectable()
export class SessionStore implements OnModuleInit, OnModuleDestroy {
  private readonly purge: RecurringJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accessEvents: AccessEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.purge = new RecurringJob('SessionPurge', () => this.purgeExpired(), {
      intervalMs: 60 * 60 * 1000,
      ready: () => dataSource.isInitialized,
    });
  }

  onModuleInit(): void {
    this.purge.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.purge.stop();
  }

  /** Opens a session for the user and returns the secret token for the cookie. */
  async create(userId: string, meta: { ip?: string; userAgent?: string }): Promise<string> {
    const token = newSecretToken();
    const now = new Date();
    await this.dataSource.getRepository(AuthSessionEntity).insert({
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + sessionTtlMs(this.config.session.ttlDays)),
      lastSeenAt: now,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  /** The session of a cookie token with its account, or null when no session has this token. */
  async find(token: string): Promise<StoredSession | null> {
    const rows: StoredSession[] = await this.dataSource.query(STORED_SESSION_SQL, [hashToken(token)]);
    return rows[0] ?? null;
  }

  /** Writes a session's new sliding expiry. */
  async renew(sessionId: string, renewal: SessionRenewal): Promise<void> {
    await this.dataSource.getRepository(AuthSessionEntity).update({ id: sessionId }, renewal);
  }

  /** Deletes one session found expired (no access changed: it was already refused). */
  async deleteExpired(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(AuthSessionEntity).delete({ id: sessionId });
  }

  /**
   * Ends one session of a user (sign-out), or every session of theirs (password reset, account
   * disabled). The one way sessions end on purpose: the document and socket connections opened with
   * those sessions close on this node before this resolves, and on the other nodes within milliseconds.
   */
  async end(userId: string, sessionId?: string): Promise<void> {
    await this.dataSource
      .getRepository(AuthSessionEntity)
      .delete(sessionId === undefined ? { userId } : { id: sessionId, userId });
    await this.accessEvents.changed(userId);
  }

  /** Removes expired sessions; called periodically. */
  async purgeExpired(): Promise<void> {
    await this.dataSource.getRepository(AuthSessionEntity).delete({ expiresAt: LessThan(new Date()) });
  }
}
