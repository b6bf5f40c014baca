/**
 * The rules of the sign-in session, without I/O: which cookie values are worth a lookup, when a session
 * has expired and when its sliding expiry is written again (which Origins may carry the cookie:
 * common/http/origin-check.ts). The
 * SessionResolver applies them for every edge (HTTP guard, Socket.IO handshake, document upgrade,
 * revalidation of open connections).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A token is random base64url of 43 characters; anything this long or longer is not looked up. */
export const MAX_SESSION_TOKEN_LENGTH = 200;

// Sliding expiry is written at most once an hour per session, not on every request.
export const SESSION_RENEW_AFTER_MS = 60 * 60 * 1000;

/** True when a cookie value may be a session token (non-empty and short), so it is worth a lookup. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && token.length > 0 && token.length < MAX_SESSION_TOKEN_LENGTH;
}

/** The session's lifetime from its last renewal. */
export function sessionTtlMs(ttlDays: number): number {
  return ttlDays * DAY_MS;
}

/** What the store read of a session: its dates and whether its account is still enabled. */
export interface StoredSessionState {
  expiresAt: Date;
  lastSeenAt: Date;
  /** False when the account is disabled. */
  accountEnabled: boolean;
}

/** A new sliding expiry to write, seen now. */
export interface SessionRenewal {
  lastSeenAt: Date;
  expiresAt: Date;
}

/**
 * The verdict on a stored session at `now`: `expired` (the session is deleted), `disabled` (refused,
 * kept: an administrator may enable the account again within its lifetime), or `valid`, with the
 * renewal to write when the last one is over SESSION_RENEW_AFTER_MS old.
 */
export type SessionVerdict =
  | { kind: 'expired' }
  | { kind: 'disabled' }
  | { kind: 'valid'; renewal: SessionRenewal | null };

/** Judges a stored session (expiry first, then the account, then the renewal). */
export function judgeSession(state: StoredSessionState, now: number, ttlMs: number): SessionVerdict {
  if (state.expiresAt.getTime() <= now) return { kind: 'expired' };
  if (!state.accountEnabled) return { kind: 'disabled' };
  if (now - state.lastSeenAt.getTime() <= SESSION_RENEW_AFTER_MS) return { kind: 'valid', renewal: null };
  return { kind: 'valid', renewal: { lastSeenAt: new Date(now), expiresAt: new Date(now + ttlMs) } };
}
