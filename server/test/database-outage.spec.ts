import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { type CollabNode, startCollabNode, waitFor } from './support/collab-client';
import { factories, nodeHost } from './support/factories';
import { describeWith } from './support/requires';
import { ack, connectSocket } from './support/socket-client';
import { TcpProxy } from './support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * PostgreSQL away under a running node (issue 11, item 10), through a TCP proxy: paused (a partition:
 * nothing answers, nothing is reset) and refused (the server is down). Every answer must come within
 * bounds and say 503 in French; figures are logged, not asserted.
 */
const withPostgres = describeWith(
  ['DATABASE_URL'],
  'HTTP and socket answers while PostgreSQL is unreachable',
);

const UNAVAILABLE = { status: 503, code: 'service_unavailable' };

/** The fields of a health or error body these tests read. */
interface Body {
  status: string | number;
  code?: string;
  message?: string;
  database?: { status: string; error?: string };
}

withPostgres('HTTP and socket answers while PostgreSQL is unreachable', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let node: CollabNode;
  let baseUrl: string;
  let cookie: string;
  let threadId: string;
  const sockets: Socket[] = [];

  /** A request with the session cookie, aborted (and so failed) if it takes longer than `limitMs`. */
  async function get(path: string, limitMs = 15_000): Promise<{ status: number; body: Body; ms: number }> {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${path}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(limitMs),
    });
    return {
      status: res.status,
      body: (await res.json()) as Body,
      ms: Math.round(performance.now() - started),
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = TcpProxy.forUrl(database.url ?? '');
    await proxy.start();
    node = await startCollabNode(
      { env: { DATABASE_URL: proxy.urlFor(database.url ?? '') }, dispose: async () => undefined },
      { env: { REDIS_KEY_PREFIX: `affluents-db-outage-${randomBytes(4).toString('hex')}:` }, seed: false },
    );
    baseUrl = `http://127.0.0.1:${node.port}`;
    const make = factories(nodeHost(node.app));
    const group = (await make.group('social_workers')).id;
    const ines = await make.user();
    await make.membership(ines, { id: group });
    cookie = await node.signIn(ines);
    const created = await fetch(`${baseUrl}/api/groups/${group}/threads`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Panne de PostgreSQL', body: 'Premier message' }),
    });
    expect(created.status).toBe(201);
    threadId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await proxy?.resume();
    await node?.close();
    await proxy?.close();
    await database?.drop();
  });

  async function healthy(): Promise<void> {
    await waitFor(async () => (await get('/api/health')).body.status === 'ok', 'database back', 20_000);
  }

  it('answers the health check within a second, naming PostgreSQL, while it is partitioned', async () => {
    // Warm the pool: its idle connections are the ones the partition leaves hanging.
    expect((await get('/api/bassins')).status).toBe(200);
    proxy.pause();
    try {
      // The stray session cookie must not make the check wait on the database either.
      const first = await get('/api/health', 5000);
      const second = await get('/api/health', 5000);
      console.log(`health during a PostgreSQL partition: ${first.ms} ms, then ${second.ms} ms`);
      for (const { status, body } of [first, second]) {
        expect(status).toBe(200);
        expect(body.status).toBe('degraded');
        expect(body.database).toMatchObject({ status: 'down', error: expect.stringContaining('PostgreSQL') });
      }
      // A request that needs the database waits for DATABASE_QUERY_TIMEOUT_MS at most, then says so.
      const page = await get('/api/bassins', 20_000);
      console.log(`GET /api/bassins during a PostgreSQL partition: ${page.status} after ${page.ms} ms`);
      expect(page).toMatchObject({ status: 503, body: UNAVAILABLE });
    } finally {
      await proxy.resume();
    }
    await healthy();
  }, 40_000);

  it('acknowledges a message with 503 during a partition, and stores its resend once afterwards', async () => {
    const socket = await connectSocket(baseUrl, cookie);
    sockets.push(socket);
    expect(await ack(socket, 'thread:join', { threadId, afterSeq: 0 })).toMatchObject({ ok: true });
    const message = {
      threadId,
      clientId: `db-outage-${randomBytes(6).toString('hex')}`,
      body: 'Pendant la coupure',
    };
    proxy.pause();
    let during: Awaited<ReturnType<typeof ack>>;
    const started = performance.now();
    try {
      // The client's own wait (client/src/features/discussions): the answer must come before it.
      during = await ack(socket, 'message:send', message, 8000);
    } finally {
      console.log(
        `message:send acknowledged during a PostgreSQL partition in ${Math.round(performance.now() - started)} ms`,
      );
      await proxy.resume();
    }
    expect(during).toMatchObject({
      ok: false,
      error: { ...UNAVAILABLE, message: expect.stringMatching(/Réessayez/) },
    });
    await healthy();
    const resent = await ack(socket, 'message:send', message);
    const again = await ack(socket, 'message:send', message);
    if (!resent.ok || !again.ok) throw new Error('resend refused');
    expect(again.data).toMatchObject({ id: resent.data.id, body: 'Pendant la coupure' });
  }, 40_000);

  it('answers 503 in French, to requests with a meeting and to socket events, while PostgreSQL is down', async () => {
    const socket = await connectSocket(baseUrl, cookie);
    sockets.push(socket);
    await proxy.refuse();
    try {
      const page = await get('/api/bassins');
      const health = await get('/api/health');
      const sent = await ack(socket, 'message:send', {
        threadId,
        clientId: `db-down-${randomBytes(6).toString('hex')}`,
        body: 'Base arrêtée',
      });
      console.log(`with PostgreSQL down: GET /api/bassins ${page.ms} ms, health ${health.ms} ms`);
      expect(page).toMatchObject({
        status: 503,
        body: { ...UNAVAILABLE, message: expect.stringMatching(/indisponible/) },
      });
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', database: { status: 'down' } });
      expect(sent).toMatchObject({ ok: false, error: UNAVAILABLE });
    } finally {
      await proxy.resume();
    }
    await healthy();
    expect((await get('/api/bassins')).status).toBe(200);
  }, 40_000);
});
