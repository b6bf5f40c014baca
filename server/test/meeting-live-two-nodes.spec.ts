import { randomBytes, randomUUID } from 'node:crypto';
import type { LiveState } from '@affluents/contracts';
import { addAgendaItem, readAgenda } from '@affluents/editor/template';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Socket } from 'socket.io-client';
import { createApp } from '../src/app.factory';
import { CollabDocuments } from '../src/collab/collab-documents';
import { loadConfig } from '../src/config/app-config';
import { factories, nodeHost, type TestUser } from './support/factories';
import { describeWith } from './support/requires';
import { ack, connectSocket, listen, nextEvent, signInCookie } from './support/socket-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The live state must be the same on every node and survive a node's restart: needs PostgreSQL + Redis.
const shared = describeWith(['DATABASE_URL', 'REDIS_URL'], 'live mode of a meeting on two server nodes');

shared('live mode of a meeting on two server nodes', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const nodes: NestExpressApplication[] = [];
  const sockets: Socket[] = [];
  let meetingId: string;
  let ines: TestUser;
  let amina: TestUser;

  async function connect(node: NestExpressApplication, user: TestUser): Promise<Socket> {
    const baseUrl = await listen(node);
    const socket = await connectSocket(baseUrl, await signInCookie(baseUrl, user.email, user.password));
    sockets.push(socket);
    return socket;
  }

  async function live(socket: Socket, event: string, payload: unknown): Promise<LiveState> {
    const res = await ack(socket, event, payload);
    if (!res.ok) throw new Error(`${event}: ${res.error.message}`);
    return res.data as LiveState;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url ?? '',
      REDIS_URL: process.env.REDIS_URL ?? '',
      REDIS_KEY_PREFIX: `affluents-live2n-${randomBytes(4).toString('hex')}:`,
    };
    for (let i = 0; i < 2; i++) nodes.push((await createApp(loadConfig(env))).app);
    // Inès runs a meeting of her group (facilitator), Amina takes part (member).
    const host = nodeHost(nodes[0]);
    const make = factories(host);
    const group = await make.group('social_workers');
    ines = await make.user();
    amina = await make.user();
    await make.membership(ines, group, 'facilitator');
    await make.membership(amina, group);
    meetingId = randomUUID();
    await host.dataSource.query(
      `INSERT INTO meetings (id, group_id, title, starts_at, ends_at, agenda_doc_name, notes_doc_name, created_by_id)
       VALUES ($1, $2, 'Rencontre', now(), now() + interval '2 hours', $3, $4, $5)`,
      [meetingId, group.id, `meeting-agenda:${meetingId}`, `meeting-notes:${meetingId}`, ines.id],
    );
    await nodes[0].get(CollabDocuments).change(`meeting-agenda:${meetingId}`, (doc) => {
      addAgendaItem(doc, { id: 'a', title: 'Accueil', durationMinutes: 10, ownerName: null });
      addAgendaItem(doc, { id: 'b', title: 'Échanges', durationMinutes: 60, ownerName: null });
    });
    // The other node reads the agenda from PostgreSQL: wait until the change is stored (≤ 100 ms batches).
    const deadline = Date.now() + 5000;
    for (;;) {
      const doc = await nodes[1].get(CollabDocuments).readDocument(`meeting-agenda:${meetingId}`);
      const stored = readAgenda(doc).length;
      doc.destroy();
      if (stored === 2) break;
      if (Date.now() > deadline) throw new Error('agenda not stored within 5 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const node of nodes) await node.close();
    await database?.drop();
  });

  it('shares the state across nodes and keeps it when a node restarts', async () => {
    const inesA = await connect(nodes[0], ines);
    const aminaB = await connect(nodes[1], amina);
    await live(inesA, 'meeting:join', { meetingId });
    await live(aminaB, 'meeting:join', { meetingId });

    const startSeen = nextEvent<LiveState>(aminaB, 'meeting:live', (s) => s.status === 'live');
    const started = await live(inesA, 'meeting:start', { meetingId });
    expect((await startSeen).itemStartedAt).toBe(started.itemStartedAt);

    const handSeen = nextEvent<LiveState>(inesA, 'meeting:live', (s) => s.queue.length === 1);
    await live(aminaB, 'hand:raise', { meetingId });
    const withHand = await handSeen;

    // Node A goes away; the facilitator reloads on a new node and finds the same state.
    inesA.close();
    await nodes[0].close();
    nodes[0] = (await createApp(loadConfig(env))).app;
    const reloaded = await connect(nodes[0], ines);
    const rejoined = await live(reloaded, 'meeting:join', { meetingId });
    expect({ ...rejoined, serverTime: '' }).toEqual({ ...withHand, serverTime: '' });

    const movedSeen = nextEvent<LiveState>(aminaB, 'meeting:live', (s) => s.currentItem === 1);
    await live(reloaded, 'meeting:goto', { meetingId, index: 1 });
    expect((await movedSeen).item?.title).toBe('Échanges');
  });
});
