import {
  isWellFormedToken,
  judgeSession,
  MAX_SESSION_TOKEN_LENGTH,
  SESSION_RENEW_AFTER_MS,
  sessionTtlMs,
} from './session-rules';

const now = Date.parse('2026-03-29T12:00:00Z');
const ttl = sessionTtlMs(30);
const at = (offsetMs: number) => new Date(now + offsetMs);

describe('session rules', () => {
  it('looks up only non-empty tokens shorter than the limit', () => {
    expect(isWellFormedToken('a'.repeat(43))).toBe(true);
    expect(isWellFormedToken('a'.repeat(MAX_SESSION_TOKEN_LENGTH - 1))).toBe(true);
    expect(isWellFormedToken('a'.repeat(MAX_SESSION_TOKEN_LENGTH))).toBe(false);
    expect(isWellFormedToken('')).toBe(false);
    expect(isWellFormedToken(null)).toBe(false);
    expect(isWellFormedToken(['a'])).toBe(false);
  });

  it('counts the lifetime in days', () => {
    expect(sessionTtlMs(30)).toBe(30 * 24 * 60 * 60 * 1000);
  });

  it('finds a session expired at its expiry instant, before looking at the account', () => {
    expect(judgeSession({ expiresAt: at(0), lastSeenAt: at(-ttl), accountEnabled: true }, now, ttl)).toEqual({
      kind: 'expired',
    });
    expect(
      judgeSession({ expiresAt: at(-1), lastSeenAt: at(-ttl), accountEnabled: false }, now, ttl),
    ).toEqual({
      kind: 'expired',
    });
  });

  it('refuses a live session of a disabled account without renewing it', () => {
    expect(
      judgeSession(
        { expiresAt: at(1000), lastSeenAt: at(-2 * SESSION_RENEW_AFTER_MS), accountEnabled: false },
        now,
        ttl,
      ),
    ).toEqual({ kind: 'disabled' });
  });

  it('renews the sliding expiry only once the last renewal is over an hour old', () => {
    const fresh = {
      expiresAt: at(ttl - SESSION_RENEW_AFTER_MS),
      lastSeenAt: at(-SESSION_RENEW_AFTER_MS),
      accountEnabled: true,
    };
    expect(judgeSession(fresh, now, ttl)).toEqual({ kind: 'valid', renewal: null });
    const stale = { ...fresh, lastSeenAt: at(-SESSION_RENEW_AFTER_MS - 1) };
    expect(judgeSession(stale, now, ttl)).toEqual({
      kind: 'valid',
      renewal: { lastSeenAt: new Date(now), expiresAt: new Date(now + ttl) },
    });
  });
});
