import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { Message, PresenceSnapshot } from '@affluents/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Socket } from 'socket.io-client';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { RealtimeHub, rooms } from '../src/realtime/realtime-hub';
import { freePort, RUN_TS, type ServerProcess, startServerProcess } from './support/child-node';
import { factories, nodeHost, type TestUser } from './support/factories';
import { describeWith } from './support/requires';
import { ack, connectSocket, listen, nextEvent, signInCookie } from './support/socket-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * Two server nodes on one PostgreSQL and one Redis (issue 4, "Tests"): node A runs in this process,
 * node B as a child process (the TypeScript sources compiled on the fly by SWC) so it can be SIGKILLed.
 */
const shared = describeWith(['DATABASE_URL', 'REDIS_URL'], 'Socket.IO on two nodes with one Redis');

const HEARTBEAT_MS = 300;
const TTL_MS = 1500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const online = (snapshot: PresenceSnapshot) =>
  snapshot.entries.filter((e) => e.online).map((e) => e.displayName);

shared('Socket.IO on two nodes with one Redis', () => {
  let database: TestDatabase;
  let nodeA: NestExpressApplication;
  /** Node B, a child process. */
  let nodeB: ServerProcess;
  let urlA: string;
  let urlB: string;
  let groupId: string;
  let aminaId: string;
  let people: Record<'ines' | 'amina' | 'thomas' | 'marc', TestUser>;
  const sockets: Socket[] = [];

  async function connect(baseUrl: string, user: TestUser): Promise<Socket> {
    const socket = await connectSocket(baseUrl, await signInCookie(baseUrl, user.email, user.password));
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url ?? '',
      REDIS_URL: process.env.REDIS_URL ?? '',
      REDIS_KEY_PREFIX: `affluents-rt2-${randomBytes(4).toString('hex')}:`,
      PRESENCE_HEARTBEAT_MS: String(HEARTBEAT_MS),
      PRESENCE_TTL_MS: String(TTL_MS),
      SEED_DEMO: 'false',
    };
    nodeA = (await createApp(loadConfig({ ...env, LOG_LEVEL: 'silent', PORT: '0' }))).app;
    // Inès (facilitator), Amina and Thomas (members) share a group; Marc is in none.
    const make = factories(nodeHost(nodeA));
    const group = await make.group('social_workers');
    groupId = group.id;
    people = {
      ines: await make.user({ displayName: 'Inès Moreau' }),
      amina: await make.user({ displayName: 'Amina Lahlou' }),
      thomas: await make.user({ displayName: 'Thomas Dubois' }),
      marc: await make.user({ displayName: 'Marc Delvaux' }),
    };
    await make.membership(people.ines, group, 'facilitator');
    await make.membership(people.amina, group);
    await make.membership(people.thomas, group);
    aminaId = people.amina.id;
    urlA = await listen(nodeA);
    const portB = await freePort();
    urlB = `http://127.0.0.1:${portB}`;
    nodeB = await startServerProcess(['-e', RUN_TS, path.join(__dirname, '..', 'src', 'main.ts')], {
      port: portB,
      env: { ...env, HOST: '127.0.0.1', PUBLIC_URL: urlB },
    });
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await nodeB?.kill();
    await nodeA?.close();
    await database?.drop();
  });

  let ines: Socket;
  let thomasB: Socket;
  let aminaB: Socket;

  it('shows in one presence snapshot the users of both nodes', async () => {
    const scope = `group:${groupId}`;
    ines = await connect(urlA, people.ines);
    thomasB = await connect(urlB, people.thomas);
    aminaB = await connect(urlB, people.amina);
    expect((await ack(ines, 'presence:join', { scope })).ok).toBe(true);
    const seenByInes = nextEvent<PresenceSnapshot>(ines, 'presence:updated', (s) => online(s).length === 3);
    expect((await ack(thomasB, 'presence:join', { scope })).ok).toBe(true);
    const last = await ack(aminaB, 'presence:join', { scope });
    if (!last.ok) throw new Error(last.error.message);
    expect(online(last.data)).toHaveLength(3);
    expect(online(await seenByInes)).toHaveLength(3);
  });

  it('delivers an event emitted on node A to a socket of node B', async () => {
    const received = nextEvent<{ threadId: string; seq: number }>(aminaB, 'read:moved');
    nodeA.get(RealtimeHub).emit(rooms.user(aminaId), 'read:moved', { threadId: groupId, seq: 7 });
    expect(await received).toEqual({ threadId: groupId, seq: 7 });
  });

  it('delivers a message sent through node A to a thread member on node B, and back', async () => {
    const inesCookie = await signInCookie(urlA, people.ines.email, people.ines.password);
    const created = await fetch(`${urlA}/api/groups/${groupId}/threads`, {
      method: 'POST',
      headers: { cookie: inesCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Deux nœuds, une discussion', body: 'Premier message' }),
    });
    expect(created.status).toBe(201);
    const thread = (await created.json()) as { id: string; lastSeq: number };
    for (const socket of [ines, thomasB]) {
      const joined = await ack(socket, 'thread:join', { threadId: thread.id, afterSeq: thread.lastSeq });
      expect(joined.ok).toBe(true);
    }
    const onB = nextEvent<Message>(thomasB, 'message:new', (m) => m.threadId === thread.id);
    const sent = await ack(ines, 'message:send', {
      threadId: thread.id,
      clientId: `two-nodes-${randomBytes(6).toString('hex')}`,
      body: 'Envoyé par le nœud A',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(await onB).toMatchObject({ id: sent.data.id, seq: 2, body: 'Envoyé par le nœud A' });

    const onA = nextEvent<Message>(ines, 'message:new', (m) => m.threadId === thread.id);
    const reply = await ack(thomasB, 'message:send', {
      threadId: thread.id,
      clientId: `two-nodes-${randomBytes(6).toString('hex')}`,
      body: 'Reçu sur le nœud B',
    });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(await onA).toMatchObject({ id: reply.data.id, seq: 3 });
  });

  it('makes a removed member leave the group rooms on the other node within seconds', async () => {
    const revoked = nextEvent<{ rooms: string[] }>(aminaB, 'access:revoked');
    const inesCookie = await signInCookie(urlA, people.ines.email, people.ines.password);
    const started = Date.now();
    const res = await fetch(`${urlA}/api/groups/${groupId}/members/${aminaId}`, {
      method: 'DELETE',
      headers: { cookie: inesCookie },
    });
    expect(res.status).toBeLessThan(300);
    const event = await revoked;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(event.rooms).toEqual(
      expect.arrayContaining([rooms.group(groupId), rooms.presence(`group:${groupId}`)]),
    );
    const again = await ack(aminaB, 'presence:join', { scope: `group:${groupId}` });
    expect(again).toMatchObject({ ok: false, error: { status: 403 } });
    expect(aminaB.connected).toBe(true);
  });

  it('refuses a message flood spread over both nodes once the user’s budget is spent', async () => {
    // Default budget: 30 messages a minute. Each node decides locally and adds its counts up in Redis.
    const marcA = await connect(urlA, people.marc);
    const marcB = await connect(urlB, people.marc);
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const answer = await ack(i % 2 === 0 ? marcA : marcB, 'message:send', {
        threadId: '00000000-0000-4000-8000-000000000000',
        clientId: `marc-flood-${1000 + i}`,
        body: 'Spam',
      });
      statuses.push(answer.ok ? 200 : answer.error.status);
    }
    const admitted = statuses.filter((s) => s !== 429).length;
    // A node learns the other's counts one Redis round trip late: a small overshoot at most.
    expect(admitted).toBeGreaterThanOrEqual(30);
    expect(admitted).toBeLessThanOrEqual(32);
    expect(statuses.slice(-10).every((s) => s === 429)).toBe(true);
  });

  it('clears the presence of a killed node’s users within the heartbeat expiry', async () => {
    await sleep(HEARTBEAT_MS * 2);
    const gone = nextEvent<PresenceSnapshot>(
      ines,
      'presence:updated',
      (s) => s.entries.some((e) => e.displayName.startsWith('Thomas') && !e.online),
      TTL_MS + 5 * HEARTBEAT_MS + 2000,
    );
    const killed = Date.now();
    await nodeB.kill();
    const snapshot = await gone;
    const elapsed = Date.now() - killed;
    expect(online(snapshot)).toHaveLength(1);
    expect(elapsed).toBeLessThan(TTL_MS + 3 * HEARTBEAT_MS + 1000);
  });
});
