import type { Subject } from '@affluents/contracts';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { hashToken, newSecretToken } from '../../common/auth/tokens';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MembershipEntity } from '../groups/membership.entity';
import { UserEntity } from '../users/user.entity';
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

/** Sign-in sessions stored in PostgreSQL, so every server node accepts every cookie. */
@Injectable()
export class SessionService implements OnModuleInit, OnModuleDestroy {
  private purgeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.purgeTimer = setInterval(() => void this.purgeExpired().catch(() => undefined), 60 * 60 * 1000);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
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
    if (now - session.lastSeenAt.getTime() > RENEW_AFTER_MS) {
      await sessions.update(
        { id: session.id },
        { lastSeenAt: new Date(now), expiresAt: new Date(now + this.ttlMs) },
      );
    }
    return { sessionId: session.id, user, subject: await this.subjectOf(user) };
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

  /** Ends one session. */
  async destroy(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(AuthSessionEntity).delete({ id: sessionId });
  }

  /** Ends every session of a user (password reset, account disabled). */
  async destroyAllForUser(userId: string): Promise<void> {
    await this.dataSource.getRepository(AuthSessionEntity).delete({ userId });
  }

  /** Removes expired sessions; called periodically. */
  async purgeExpired(): Promise<void> {
    await this.dataSource.getRepository(AuthSessionEntity).delete({ expiresAt: LessThan(new Date()) });
  }
}
