import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from '../common/auth/auth-context';
import { originAllowed } from '../common/http/origin-check';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { readCookie } from './session-cookie';
import { isWellFormedToken, judgeSession, sessionTtlMs } from './session-rules';
import { SessionStore } from './session-store';

/**
 * Why a connection attempt was refused: `origin` (403, an Origin outside the allow-list), `no-session`
 * (401, no usable cookie), `session-ended` (401, unknown, expired or disabled), `unavailable` (503, the
 * database did not answer). Each edge words its own answer.
 */
export type SessionRefusal = 'origin' | 'no-session' | 'session-ended' | 'unavailable';

/** The verdict on a connection attempt: its session and cookie token, or why it is refused. */
export type SessionAttempt =
  | { ok: true; session: AuthContext; token: string }
  | { ok: false; refusal: SessionRefusal };

/**
 * The one resolver of the sign-in session: one cookie reader, one token check, one Origin check, one set
 * of expiry, renewal and disabled-account rules (session-rules.ts). Used by the HTTP guard, the Socket.IO
 * handshake, the document upgrade and the revalidation of open sockets and documents.
 */
@Injectable()
export class SessionResolver {
  private readonly allowedOrigins: ReadonlySet<string>;
  private readonly ttlMs: number;

  constructor(
    private readonly store: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.allowedOrigins = new Set(config.allowedOrigins);
    this.ttlMs = sessionTtlMs(config.session.ttlDays);
  }

  /** The session token of a raw Cookie header, or null when there is none worth looking up. */
  tokenOf(cookieHeader: string | undefined): string | null {
    const token = readCookie(cookieHeader, this.config.session.cookieName);
    return isWellFormedToken(token) ? token : null;
  }

  /** True when a request from this Origin may use the session cookie (ALLOWED_ORIGINS, or no Origin). */
  originAllowed(origin: string | undefined): boolean {
    return originAllowed(origin, this.allowedOrigins);
  }

  /**
   * The session of a token, or null when it is unknown, expired (then deleted) or its account disabled;
   * renews its sliding expiry when due. Throws when the database fails.
   */
  async resolve(token: string): Promise<AuthContext | null> {
    const stored = await this.store.find(token);
    if (!stored) return null;
    // The store joins only an enabled account: no user id means a disabled one.
    const { userId } = stored;
    const verdict = judgeSession({ ...stored, accountEnabled: userId !== null }, Date.now(), this.ttlMs);
    if (verdict.kind === 'expired') {
      await this.store.deleteExpired(stored.sessionId);
      return null;
    }
    if (verdict.kind === 'disabled' || userId === null) return null;
    if (verdict.renewal) await this.store.renew(stored.sessionId, verdict.renewal);
    return {
      sessionId: stored.sessionId,
      user: { id: userId, displayName: stored.displayName ?? '' },
      subject: { userId, platformRole: stored.platformRole, memberships: stored.memberships },
    };
  }

  /**
   * Authenticates a connection attempt (a websocket upgrade or handshake) from its headers: the Origin,
   * then the cookie, then the session. Never throws.
   */
  async authenticate(headers: { origin?: string; cookie?: string }): Promise<SessionAttempt> {
    if (!this.originAllowed(headers.origin)) return { ok: false, refusal: 'origin' };
    const token = this.tokenOf(headers.cookie);
    if (!token) return { ok: false, refusal: 'no-session' };
    let session: AuthContext | null;
    try {
      session = await this.resolve(token);
    } catch {
      return { ok: false, refusal: 'unavailable' };
    }
    return session ? { ok: true, session, token } : { ok: false, refusal: 'session-ended' };
  }
}
