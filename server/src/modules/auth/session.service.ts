import type { Subject } from '@affluents/contracts';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { hashToken, newSecretToken } from '../../common/auth/tokens';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MembershipEntity } from '../groups/membership.entity';
import { UserEntity } from '../users/user.entity';
import { AccessEvents } from './access-events';
import { AuthSessionEntity } from './auth-session.entity';

const DAY_MS = 24 * 60 * 60 * 1000;
// Sliding expiry is written at most once an hour per session, not on every request.
const RENEW_AFTER_MS = 60 * 60 * 1000;

/** A valid session resolved from its cookie token. */
export interface ResolvedSession {
  sessionId: string;
  user: UserEntity;
  subject: Subject;
}

/** A valid session reduced to what an authorization check needs (no user entity). */
export interface SessionSubject {
  sessionId: string;
  subject: Subject;
  /** The user's name as others see it (on document carets). */
  displayName: string;
}

interface SessionSubjectRow {
  sessionId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  /** Null when the account is disabled. */
  userId: string | null;
  displayName: string | null;
  platformRole: Subject['platformRole'];
  memberships: Subject['memberships'];
}

// The session, its (enabled) user and the user's memberships of live groups, in one round trip.
const SESSION_SUBJECT_SQL = `
  SELECT s.id AS "sessionId", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt",
         u.id AS "userId", u.display_name AS "displayName", u.platform_role AS "platformRole",
         COALESCE((SELECT json_agg(json_build_object('groupId', m.group_id, 'role', m.role))
                     FROM memberships m
                     JOIN groups g ON g.id = m.group_id AND g.archived_at IS NULL
                    WHERE m.user_id = u.id), '[]'::json) AS "memberships"
    FROM auth_sessions s
    LEFT JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
   WHERE s.token_hash = $1`;

/** Sign-in sessions stored in PostgreSQL, so every server node accepts every cookie. */
@Injectable()
export class SessionService implements OnModuleInit, OnModuleDestroy {
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

  get ttlMs(): number {
    return this.config.session.ttlDays * DAY_MS;
  }

  /** Opens a session for the user and returns the secret token for the cookie. */
  async create(userId: string, meta: { ip?: string; userAgent?: string }): Promise<string> {
    const token = newSecretToken();
    const now = new Date();
    await this.dataSource.getRepository(AuthSessionEntity).insert({
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + this.ttlMs),
      lastSeenAt: now,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  /** Returns the session's user and policy subject, or null if the token is unknown, expired or disabled. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    const sessions = this.dataSource.getRepository(AuthSessionEntity);
    const session = await sessions.findOneBy({ tokenHash: hashToken(token) });
    if (!session) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) {
      await sessions.delete({ id: session.id });
      return null;
    }
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ id: session.userId, disabledAt: IsNull() });
    if (!user) return null;
    await this.renewIfStale(session.id, session.lastSeenAt, now);
    return { sessionId: session.id, user, subject: await this.subjectOf(user) };
  }

  /**
   * resolve() without the user entity, in one statement and with the same rules (expired sessions
   * deleted, disabled accounts refused, sliding expiry): for the paths that only need the subject and
   * run once per connection, like a document upgrade, where TypeORM's entity loading was most of the
   * garbage a connection left behind.
   */
  async resolveSubject(token: string): Promise<SessionSubject | null> {
    const rows: SessionSubjectRow[] = await this.dataSource.query(SESSION_SUBJECT_SQL, [hashToken(token)]);
    const row = rows[0];
    if (!row) return null;
    const now = Date.now();
    if (row.expiresAt.getTime() <= now) {
      await this.dataSource.getRepository(AuthSessionEntity).delete({ id: row.sessionId });
      return null;
    }
    if (!row.userId) return null;
    await this.renewIfStale(row.sessionId, row.lastSeenAt, now);
    return {
      sessionId: row.sessionId,
      subject: { userId: row.userId, platformRole: row.platformRole, memberships: row.memberships },
      displayName: row.displayName ?? '',
    };
  }

  private async renewIfStale(sessionId: string, lastSeenAt: Date, now: number): Promise<void> {
    if (now - lastSeenAt.getTime() <= RENEW_AFTER_MS) return;
    await this.dataSource
      .getRepository(AuthSessionEntity)
      .update({ id: sessionId }, { lastSeenAt: new Date(now), expiresAt: new Date(now + this.ttlMs) });
  }

  /** Builds the authorization subject (platform role and group roles) of a user. */
  async subjectOf(user: UserEntity): Promise<Subject> {
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin('groups', 'g', 'g.id = m.group_id AND g.archived_at IS NULL')
      .where('m.user_id = :userId', { userId: user.id })
      .select(['m.group_id AS "groupId"', 'm.role AS "role"'])
      .getRawMany<{ groupId: string; role: Subject['memberships'][number]['role'] }>();
    return { userId: user.id, platformRole: user.platformRole, memberships };
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
