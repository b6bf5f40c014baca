import type { AppConfig } from '../config/app-config';
import { SessionResolver } from './session-resolver';
import { SESSION_RENEW_AFTER_MS } from './session-rules';
import type { SessionStore, StoredSession } from './session-store';

const config = {
  allowedOrigins: ['https://affluents.be'],
  session: { ttlDays: 30, cookieSecure: true, cookieName: 'affluents_session' },
} as AppConfig;

/** A store holding one session row in memory, recording what the resolver writes. */
function storeWith(row: Partial<StoredSession> | null, failure?: Error) {
  const calls = { renewed: [] as unknown[], deleted: [] as string[], found: [] as string[] };
  const stored: StoredSession | null = row && {
    sessionId: 's1',
    expiresAt: new Date(Date.now() + 60_000),
    lastSeenAt: new Date(),
    userId: 'u1',
    displayName: 'Claire',
    platformRole: null,
    memberships: [{ groupId: 'g1', role: 'member' }],
    ...row,
  };
  const store = {
    find: async (token: string) => {
      calls.found.push(token);
      if (failure) throw failure;
      return stored;
    },
    renew: async (sessionId: string, renewal: unknown) => {
      calls.renewed.push({ sessionId, renewal });
    },
    deleteExpired: async (sessionId: string) => {
      calls.deleted.push(sessionId);
    },
  };
  return { resolver: new SessionResolver(store as unknown as SessionStore, config), calls };
}

describe('SessionResolver', () => {
  it('reads the session cookie among others, and only a well-formed token', () => {
    const { resolver } = storeWith(null);
    expect(resolver.tokenOf('theme=dark; affluents_session=abc%2Fdef; other=1')).toBe('abc/def');
    expect(resolver.tokenOf('affluents_session=')).toBeNull();
    expect(resolver.tokenOf(`affluents_session=${'x'.repeat(200)}`)).toBeNull();
    expect(resolver.tokenOf('affluents_session=%E0%A4%A')).toBeNull();
    expect(resolver.tokenOf(undefined)).toBeNull();
  });

  it('gives the user, display name and subject of a valid session', async () => {
    const { resolver, calls } = storeWith({});
    expect(await resolver.resolve('tok')).toEqual({
      sessionId: 's1',
      user: { id: 'u1', displayName: 'Claire' },
      subject: { userId: 'u1', platformRole: null, memberships: [{ groupId: 'g1', role: 'member' }] },
    });
    expect(calls.renewed).toEqual([]);
  });

  it('deletes an expired session and refuses it', async () => {
    const { resolver, calls } = storeWith({ expiresAt: new Date(Date.now() - 1) });
    expect(await resolver.resolve('tok')).toBeNull();
    expect(calls.deleted).toEqual(['s1']);
  });

  it('refuses the session of a disabled account, keeping and not renewing it', async () => {
    const { resolver, calls } = storeWith({
      userId: null,
      displayName: null,
      lastSeenAt: new Date(Date.now() - 2 * SESSION_RENEW_AFTER_MS),
    });
    expect(await resolver.resolve('tok')).toBeNull();
    expect(calls.deleted).toEqual([]);
    expect(calls.renewed).toEqual([]);
  });

  it('writes the sliding expiry of a session last renewed over an hour ago', async () => {
    const { resolver, calls } = storeWith({
      lastSeenAt: new Date(Date.now() - SESSION_RENEW_AFTER_MS - 1000),
    });
    const before = Date.now();
    expect(await resolver.resolve('tok')).not.toBeNull();
    expect(calls.renewed).toHaveLength(1);
    const { renewal } = calls.renewed[0] as { renewal: { expiresAt: Date } };
    expect(renewal.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * 24 * 60 * 60 * 1000);
  });

  it('authenticates a connection by Origin, then cookie, then session', async () => {
    const cookie = 'affluents_session=tok';
    const { resolver, calls } = storeWith({});
    expect(await resolver.authenticate({ origin: 'https://evil.example', cookie })).toEqual({
      ok: false,
      refusal: 'origin',
    });
    expect(calls.found).toEqual([]);
    expect(await resolver.authenticate({ origin: 'https://affluents.be' })).toEqual({
      ok: false,
      refusal: 'no-session',
    });
    const attempt = await resolver.authenticate({ origin: 'https://affluents.be', cookie });
    expect(attempt.ok && attempt.token).toBe('tok');
    expect(await storeWith(null).resolver.authenticate({ cookie })).toEqual({
      ok: false,
      refusal: 'session-ended',
    });
  });

  it('answers unavailable when the store fails, instead of throwing', async () => {
    const { resolver } = storeWith({}, new Error('connection refused'));
    expect(await resolver.authenticate({ cookie: 'affluents_session=tok' })).toEqual({
      ok: false,
      refusal: 'unavailable',
    });
    await expect(resolver.resolve('tok')).rejects.toThrow('connection refused');
  });
});
