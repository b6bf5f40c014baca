import { randomBytes } from 'node:crypto';
import type { Message, PresenceSnapshot } from '@affluents/contracts';
import type { Socket } from 'socket.io-client';
import { type ChildNode, startChildNode } from './support/child-node';
import { connectClient, type TestClient, waitFor } from './support/collab-client';
import { buildOnStorage, type TestUser } from './support/factories';
import { describeWith } from './support/requires';
import { ack, connectSocket, nextEvent, signInCookie } from './support/socket-client';
import { TcpProxy } from './support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * Redis going away under two nodes (issue 11, item 1): both nodes run as child processes and reach
 * Redis through a TCP proxy the test resets, refuses and pauses. A child prints a marker and exits on
 * an unhandled rejection (support/child-node-main.ts), so `alive()` proves none happened.
 */
const shared = describeWith(['DATABASE_URL', 'REDIS_URL'], 'Redis outages under two nodes');

const online = (snapshot: PresenceSnapshot) =>
  snapshot.entries.filter((e) => e.online).map((e) => e.displayName);
const clientId = () => `redis-outage-${randomBytes(6).toString('hex')}`;

interface Health {
  status: string;
  database: { status: string; error?: string };
  redis?: { status: string; error?: string };
}

/** Fails with the end of the node's output when it exited or left a promise unhandled. */
function expectAlive(...nodes: ChildNode[]): void {
  for (const node of nodes) {
    if (!node.alive()) throw new Error(`node ${node.url} died:\n${node.output().slice(-3000)}`);
  }
}

async function health(node: ChildNode): Promise<{ body: Health; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${node.url}/api/health`, { signal: AbortSignal.timeout(15_000) });
  const body = (await res.json()) as Health;
  return { body, ms: Math.round(performance.now() - started) };
}

shared('Redis outages under two nodes', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let env: Record<string, string>;
  let nodeA: ChildNode;
  let nodeB: ChildNode;
  let groupId: string;
  /** Ines, Thomas and Amina are members of the group; Marc of none. */
  let people: Record<'ines' | 'thomas' | 'amina' | 'marc', TestUser>;
  let threadId: string;
  const sockets: Socket[] = [];
  const clients: TestClient[] = [];

  /** The session cookie of `user` on `node`. */
  const cookieOn = (node: ChildNode, user: TestUser) => signInCookie(node.url, user.email, user.password);

  async function connect(node: ChildNode, user: TestUser): Promise<Socket> {
    const socket = await connectSocket(node.url, await cookieOn(node, user));
    sockets.push(socket);
    return socket;
  }

  async function joinThread(socket: Socket): Promise<void> {
    expect(await ack(socket, 'thread:join', { threadId, afterSeq: 0 })).toMatchObject({ ok: true });
  }

  /** Sends probe messages from `from` until one reaches `to` (over the other node); resolves the elapsed ms. */
  async function crossNodeDelivery(
    from: Socket,
    to: Socket,
    since: number,
    timeoutMs = 20_000,
  ): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sent = await ack(from, 'message:send', { threadId, clientId: clientId(), body: 'sonde' });
      if (sent.ok) {
        const arrived = await nextEvent<Message>(to, 'message:new', (m) => m.id === sent.data.id, 300).then(
          () => true,
          () => false,
        );
        if (arrived) return Date.now() - since;
      }
      if (Date.now() > deadline) throw new Error('cross-node delivery did not resume');
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = TcpProxy.forUrl(process.env.REDIS_URL ?? '');
    await proxy.start();
    env = {
      DATABASE_URL: database.url ?? '',
      REDIS_URL: proxy.urlFor(process.env.REDIS_URL ?? ''),
      REDIS_KEY_PREFIX: `affluents-redis-outage-${randomBytes(4).toString('hex')}:`,
      PRESENCE_HEARTBEAT_MS: '300',
      PRESENCE_TTL_MS: '1500',
      REALTIME_MESSAGES_PER_MINUTE: '10000',
      LOG_LEVEL: 'error',
    };
    // The group and its people, made by the factories on the database before the nodes start.
    ({ groupId, people } = await buildOnStorage({ DATABASE_URL: database.url ?? '' }, async (make) => {
      const group = await make.group('social_workers');
      const cast = {
        ines: await make.user(),
        thomas: await make.user(),
        amina: await make.user(),
        marc: await make.user(),
      };
      for (const member of [cast.ines, cast.thomas, cast.amina]) await make.membership(member, group);
      return { groupId: group.id, people: cast };
    }));
    nodeA = await startChildNode(env);
    nodeB = await startChildNode(env);
    const inesCookie = await cookieOn(nodeA, people.ines);
    const created = await fetch(`${nodeA.url}/api/groups/${groupId}/threads`, {
      method: 'POST',
      headers: { cookie: inesCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Panne de Redis', body: 'Premier message' }),
    });
    threadId = ((await created.json()) as { id: string }).id;
  }, 150_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const client of clients) client.destroy();
    await nodeA?.kill();
    await nodeB?.kill();
    await proxy?.close();
    await database?.drop();
  });

  it('survives connection resets in the middle of room broadcasts, then delivers across nodes again', async () => {
    const ines = await connect(nodeA, people.ines);
    const thomas = await connect(nodeB, people.thomas);
    for (const socket of [ines, thomas]) await joinThread(socket);
    await crossNodeDelivery(thomas, ines, Date.now());
    const inesCookie = await cookieOn(nodeA, people.ines);

    // Each round starts broadcasts on both nodes (socket sends, an HTTP post), then resets every Redis
    // connection while their PUBLISH commands are in flight.
    const answers: Array<Promise<boolean>> = [];
    for (let round = 0; round < 6; round++) {
      for (const socket of [ines, thomas, ines, thomas]) {
        answers.push(
          ack(socket, 'message:send', { threadId, clientId: clientId(), body: `rafale ${round}` }).then(
            (a) => a.ok,
          ),
        );
      }
      answers.push(
        fetch(`${nodeA.url}/api/threads/${threadId}/messages`, {
          method: 'POST',
          headers: { cookie: inesCookie, 'content-type': 'application/json' },
          body: JSON.stringify({ clientId: clientId(), body: `par HTTP ${round}` }),
        }).then((r) => r.status === 201 || r.status === 200),
      );
      await new Promise((r) => setImmediate(r));
      proxy.reset();
      await new Promise((r) => setTimeout(r, 20 * round));
    }
    const resetAt = Date.now();
    // Stored, and delivered on their own node, whatever became of their broadcast to the other node.
    const stored = await Promise.all(answers.map((answer) => answer.catch(() => false)));
    expectAlive(nodeA, nodeB);
    expect(stored).toEqual(answers.map(() => true));

    const resumedMs = await crossNodeDelivery(thomas, ines, resetAt);
    console.log(`cross-node delivery back ${resumedMs} ms after the last of 6 Redis resets`);
    expectAlive(nodeA, nodeB);
  }, 60_000);

  it('answers sign-in and health within bounds while Redis is partitioned, and converges documents after', async () => {
    const docName = `test:${groupId}:redis-partition`;
    const onA = connectClient(nodeA.wsUrl, docName, await cookieOn(nodeA, people.amina));
    const onB = connectClient(nodeB.wsUrl, docName, await cookieOn(nodeB, people.thomas));
    clients.push(onA, onB);
    await waitFor(() => onA.provider.synced && onB.provider.synced, 'documents open on both nodes');
    onA.insert('avant. ');
    await waitFor(() => onB.text() === onA.text(), 'shared across nodes before the partition');
    proxy.pause();
    try {
      onA.insert('A pendant la partition. ');
      onB.insert('B pendant la partition. ');
      const probe = await health(nodeA);
      console.log(`health during a Redis partition: ${probe.ms} ms (${JSON.stringify(probe.body.redis)})`);
      expect(probe.body).toMatchObject({ status: 'degraded', redis: { status: 'down' } });
      expect(probe.body.database.status).toBe('up');

      const started = performance.now();
      const res = await fetch(`${nodeA.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: people.marc.email, password: people.marc.password }),
        signal: AbortSignal.timeout(20_000),
      });
      console.log(`sign-in during a Redis partition: ${Math.round(performance.now() - started)} ms`);
      expect(res.status).toBe(200);
    } finally {
      await proxy.resume();
    }
    const healed = Date.now();
    await waitFor(
      () => onA.text() === onB.text() && onA.text().includes('A pendant') && onA.text().includes('B pendant'),
      'documents converge once the partition heals',
      20_000,
    );
    console.log(`documents converged ${Date.now() - healed} ms after the Redis partition healed`);
    await waitFor(
      async () => (await health(nodeA)).body.status === 'ok',
      'Redis up again after the partition',
      15_000,
    );
    expectAlive(nodeA, nodeB);
  }, 60_000);

  it('starts and serves one node while Redis refuses connections, and joins the nodes up when it is back', async () => {
    const ines = await connect(nodeA, people.ines);
    const amina = await connect(nodeA, people.amina);
    const scope = `group:${groupId}`;
    for (const socket of [ines, amina]) await joinThread(socket);
    expect((await ack(ines, 'presence:join', { scope })).ok).toBe(true);
    let seenByInes: PresenceSnapshot = { scope, entries: [] };
    ines.on('presence:updated', (snapshot: PresenceSnapshot) => {
      seenByInes = snapshot;
    });

    await proxy.refuse();
    await waitFor(async () => {
      expectAlive(nodeA);
      return (await health(nodeA)).body.redis?.status === 'down';
    }, 'node A sees Redis down');

    // A node started now comes up and says it works without Redis.
    await nodeB.kill();
    const startedAt = Date.now();
    nodeB = await startChildNode(env);
    console.log(`node started without Redis in ${Date.now() - startedAt} ms`);
    const { body, ms } = await health(nodeB);
    console.log(`health with Redis refusing connections: ${ms} ms`);
    expect(body).toMatchObject({ status: 'degraded', database: { status: 'up' }, redis: { status: 'down' } });

    // Each node serves its own users meanwhile: sign-in, messages, presence, documents.
    const thomas = await connect(nodeB, people.thomas);
    await joinThread(thomas);
    const local = nextEvent<Message>(amina, 'message:new', (m) => m.body === 'pendant la panne');
    const sent = await ack(ines, 'message:send', {
      threadId,
      clientId: clientId(),
      body: 'pendant la panne',
    });
    expect(sent.ok).toBe(true);
    await local;
    const joined = await ack(thomas, 'presence:join', { scope });
    if (!joined.ok) throw new Error(joined.error.message);
    expect(online(joined.data)).toContain(people.thomas.displayName);

    const docName = `test:${groupId}:redis-outage`;
    const onA = connectClient(nodeA.wsUrl, docName, await cookieOn(nodeA, people.amina));
    const onB = connectClient(nodeB.wsUrl, docName, await cookieOn(nodeB, people.thomas));
    clients.push(onA, onB);
    await waitFor(() => onA.provider.synced && onB.provider.synced, 'documents open on both nodes');
    onA.insert('écrit sur A pendant la panne. ');
    onB.insert('écrit sur B pendant la panne. ');

    const back = Date.now();
    await proxy.resume();
    const [socketMs, documentMs, presenceMs] = await Promise.all([
      crossNodeDelivery(thomas, ines, back),
      waitFor(
        () => onA.text() === onB.text() && onA.text().includes('sur A') && onA.text().includes('sur B'),
        'edits made during the outage reach the other node',
        20_000,
      ).then(() => Date.now() - back),
      waitFor(
        () => online(seenByInes).includes(people.thomas.displayName),
        'presence of the other node comes back',
        20_000,
      ).then(() => Date.now() - back),
    ]);
    console.log(
      `after Redis came back: Socket.IO across nodes in ${socketMs} ms, documents converged in ${documentMs} ms, presence in ${presenceMs} ms`,
    );
    expectAlive(nodeA, nodeB);
  }, 120_000);
});
