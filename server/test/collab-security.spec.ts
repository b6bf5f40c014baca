import { CollabCloseCode, type GroupKind } from '@affluents/contracts';
import request from 'supertest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CollabAccess } from '../src/collab/collab-access';
import { CollabDocuments } from '../src/collab/collab-documents';
import { UpdateWriter } from '../src/collab/persistence/update-writer';
import { hashToken } from '../src/common/auth/tokens';
import {
  type CollabNode,
  type CollabStorage,
  connectClient,
  createCollabStorage,
  startCollabNode,
  storedText,
  type TestClient,
  waitFor,
} from './support/collab-client';
import { factories, nodeHost, type TestUser } from './support/factories';

/** Tries an upgrade with a raw ws client: the HTTP status of a refusal, or the open socket. */
function upgrade(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number | null; ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, ws });
    });
    ws.on('open', () => resolve({ status: null, ws }));
    ws.on('error', (err) => reject(err));
  });
}

/** A raw socket on a document, to send what no honest client sends. */
async function rawSocket(url: string, cookie: string) {
  const { status, ws } = await upgrade(url, { cookie });
  expect(status).toBeNull();
  const received: Buffer[] = [];
  ws.on('message', (data) => received.push(data as Buffer));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, received, closed };
}

describe('realtime documents: authorisation, readers, limits', () => {
  let storage: CollabStorage;
  let node: CollabNode;
  let group: string;
  let people: Record<'amina' | 'thomas' | 'admin' | 'marc' | 'sophie', TestUser>;
  let amina: string;
  let thomas: string;
  let admin: string;
  const clients: TestClient[] = [];
  const open = (...args: Parameters<typeof connectClient>) => {
    const client = connectClient(...args);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    storage = await createCollabStorage();
    node = await startCollabNode(storage, {
      env: {
        COLLAB_MAX_FRAME_BYTES: '65536',
        COLLAB_MAX_DOCUMENT_BYTES: '131072',
        COLLAB_REVALIDATE_INTERVAL_MS: '2000',
      },
      seed: false,
    });
    // Amina and Thomas write the documents of their group; Marc is in the managers' group of the same
    // bassin; the administrator only reads (the test resolver); Sophie is in no group.
    const make = factories(nodeHost(node.app));
    const bassin = await make.bassin({ groupKinds: ['social_workers', 'managers'] });
    const groupOf = (kind: GroupKind) => bassin.groups.find((g) => g.kind === kind) as { id: string };
    group = groupOf('social_workers').id;
    people = {
      amina: await make.user({ displayName: 'Amina Lahlou' }),
      thomas: await make.user(),
      admin: await make.user({ platformRole: 'admin' }),
      marc: await make.user(),
      sophie: await make.user(),
    };
    await make.membership(people.amina, { id: group });
    await make.membership(people.thomas, { id: group });
    await make.membership(people.marc, groupOf('managers'));
    amina = await node.signIn(people.amina);
    thomas = await node.signIn(people.thomas);
    admin = await node.signIn(people.admin);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await node?.close();
    await storage?.dispose();
  });

  it('refuses, before any byte, upgrades without session, from a foreign origin, to another group or prefix', async () => {
    const url = (name: string) => `${node.wsUrl}/${name}`;
    const doc = `test:${group}:secret`;
    const marc = await node.signIn(people.marc);
    const cases: Array<[string, Record<string, string>, number]> = [
      [doc, {}, 401],
      [doc, { cookie: 'affluents_session=not-a-session' }, 401],
      [doc, { cookie: amina, origin: 'https://evil.example' }, 403],
      [doc, { cookie: marc }, 403],
      ['nope:123', { cookie: amina }, 403],
      ['no-prefix', { cookie: amina }, 400],
    ];
    for (const [name, headers, status] of cases) {
      const result = await upgrade(url(name), headers);
      expect([name, result.status]).toEqual([name, status]);
    }
    const allowed = await upgrade(url(doc), { cookie: amina, origin: 'http://localhost:3000' });
    expect(allowed.status).toBeNull();
    allowed.ws.close();
  });

  it('applies the session rules to upgrades: expired sessions refused and deleted, disabled accounts refused, expiry renewed', async () => {
    const url = `${node.wsUrl}/test:${group}:sessions`;
    const tokenHash = (cookie: string) => hashToken(decodeURIComponent(cookie.split('=')[1]));
    const expired = await node.signIn(people.amina);
    await node.dataSource.query(
      `UPDATE auth_sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`,
      [tokenHash(expired)],
    );
    expect((await upgrade(url, { cookie: expired })).status).toBe(401);
    const left = await node.dataSource.query(`SELECT 1 FROM auth_sessions WHERE token_hash = $1`, [
      tokenHash(expired),
    ]);
    expect(left).toHaveLength(0);

    const stale = await node.signIn(people.amina);
    await node.dataSource.query(
      `UPDATE auth_sessions SET last_seen_at = now() - interval '2 hours', expires_at = now() + interval '1 hour'
        WHERE token_hash = $1`,
      [tokenHash(stale)],
    );
    const renewed = await upgrade(url, { cookie: stale });
    expect(renewed.status).toBeNull();
    renewed.ws.close();
    const [row] = await node.dataSource.query(
      `SELECT now() - last_seen_at < interval '1 minute' AS seen, expires_at > now() + interval '1 day' AS extended
         FROM auth_sessions WHERE token_hash = $1`,
      [tokenHash(stale)],
    );
    expect(row).toEqual({ seen: true, extended: true });

    const sophie = await node.signIn(people.sophie);
    await node.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [people.sophie.id]);
    try {
      expect((await upgrade(url, { cookie: sophie })).status).toBe(401);
    } finally {
      await node.dataSource.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [people.sophie.id]);
    }
  });

  it('revalidateUser closes the connections of a session that ended (4401)', async () => {
    const name = `test:${group}:signed-out`;
    const cookie = await node.signIn(people.amina);
    const client = open(node.wsUrl, name, cookie);
    await waitFor(() => client.provider.synced, 'synced');
    const user = people.amina;
    await node.dataSource.query(`DELETE FROM auth_sessions WHERE token_hash = $1`, [
      hashToken(decodeURIComponent(cookie.split('=')[1])),
    ]);
    await node.app.get(CollabAccess).revalidateUser(user.id);
    await waitFor(
      () => client.closes.some((c) => c.code === CollabCloseCode.Unauthenticated),
      'closed with 4401',
    );
  });

  it('the safety net closes the connection of a session that ended without anyone asking (4401)', async () => {
    const name = `test:${group}:safety-net`;
    const cookie = await node.signIn(people.thomas);
    const client = open(node.wsUrl, name, cookie);
    await waitFor(() => client.provider.synced, 'synced');
    await node.dataSource.query(`DELETE FROM auth_sessions WHERE token_hash = $1`, [
      hashToken(decodeURIComponent(cookie.split('=')[1])),
    ]);
    // COLLAB_REVALIDATE_INTERVAL_MS is 2 s here: every connection is checked once per round of slices.
    await waitFor(
      () => client.closes.some((c) => c.code === CollabCloseCode.Unauthenticated),
      'closed with 4401 by the periodic check',
      6000,
    );
  });

  it('gives a reader the document and carets but drops its updates, then closes it with 4405', async () => {
    // The stock provider logs the server's "permission denied" message: expected here.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const name = `test:${group}:reader`;
    const writer = open(node.wsUrl, name, amina);
    await waitFor(() => writer.provider.synced, 'writer synced');
    writer.insert('texte du groupe');
    writer.provider.awareness.setLocalStateField('user', { name: 'Amina' });
    const reader = open(node.wsUrl, name, admin);
    await waitFor(() => reader.provider.synced && reader.text() === 'texte du groupe', 'reader has the text');
    await waitFor(
      () => [...reader.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Amina Lahlou'),
      'reader sees the caret',
    );
    reader.insert(' + ajout du lecteur');
    // Sentinel: a caret change the reader sends after its edit, on the same socket. Once the writer sees
    // it, the server has handled (and dropped) the edit that came before it.
    reader.provider.awareness.setLocalStateField('sentinel', 1);
    await waitFor(
      () => [...writer.provider.awareness.getStates().values()].some((s) => s.sentinel === 1),
      'the reader’s later caret change',
    );
    expect(writer.text()).toBe('texte du groupe');
    const live = await node.app.get(CollabDocuments).readDocument(name);
    try {
      expect(live.getText('body').toString()).toBe('texte du groupe');
    } finally {
      live.destroy();
    }
    // Barrier: whatever the server accepted is written; the reader's dropped edit must not be among it.
    expect(await node.app.get(UpdateWriter).flushAll()).toBe(0);
    expect(await storedText(node.dataSource, name)).toBe('texte du groupe');
    const health = await request(node.app.getHttpServer()).get('/api/health').expect(200);
    expect(health.body.collab.counters.readerUpdatesDropped).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 25 && reader.provider.wsconnected; i++) {
      reader.insert('x');
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(
      () => reader.closes.some((c) => c.code === CollabCloseCode.ReadOnly),
      'reader closed with 4405',
    );
    expect(writer.text()).toBe('texte du groupe');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Permission denied'));
    warn.mockRestore();
  });

  it('closes malformed, truncated and oversized frames with their code, without harming the others', async () => {
    const name = `test:${group}:frames`;
    const writer = open(node.wsUrl, name, amina);
    await waitFor(() => writer.provider.synced, 'synced');
    writer.insert('intact');
    await waitFor(async () => (await storedText(node.dataSource, name)) === 'intact', 'stored');
    // Another document keeps its round trips going while the garbage flows.
    const other = `test:${group}:other`;
    const p1 = open(node.wsUrl, other, amina);
    const p2 = open(node.wsUrl, other, thomas);
    await waitFor(() => p1.provider.synced && p2.provider.synced, 'other document synced');
    let roundTrips = 0;
    let slowest = 0;
    let stop = false;
    const pinger = (async () => {
      while (!stop) {
        const started = Date.now();
        const mark = `${roundTrips},`;
        p1.insert(mark);
        await waitFor(() => p2.text().endsWith(mark), 'round trip', 3000);
        slowest = Math.max(slowest, Date.now() - started);
        roundTrips++;
      }
    })();
    const frames: Array<[string, Buffer | string, number]> = [
      ['text frame', 'hello', CollabCloseCode.Malformed],
      ['unknown type', Buffer.from([9, 1, 2]), CollabCloseCode.Malformed],
      ['truncated sync', Buffer.from([0, 2, 0x85, 0x01, 1, 2]), CollabCloseCode.Malformed],
      ['trailing bytes', Buffer.from([0, 0, 0, 7, 7]), CollabCloseCode.Malformed],
      ['garbage update', Buffer.from([0, 2, 6, 1, 0xff, 0xff, 0xff, 0xff, 0x0f]), CollabCloseCode.Malformed],
      ['bad awareness', Buffer.from([1, 3, 1, 1, 1]), CollabCloseCode.Malformed],
      [
        'oversized frame',
        Buffer.concat([Buffer.from([0, 2]), Buffer.alloc(70_000, 1)]),
        CollabCloseCode.TooLarge,
      ],
    ];
    for (let round = 0; round < 5; round++) {
      for (const [what, frame, code] of frames) {
        const raw = await rawSocket(`${node.wsUrl}/${name}`, thomas);
        raw.ws.send(frame);
        const closed = await raw.closed;
        expect([what, closed.code]).toEqual([what, code]);
      }
    }
    // Well-formed updates: the first two fit, the third would grow the document past 128 KiB.
    const raw = await rawSocket(`${node.wsUrl}/${name}`, thomas);
    const chunk = new Y.Doc();
    chunk.getText('body').insert(0, 'y'.repeat(60_000));
    const first = Y.encodeStateAsUpdate(chunk);
    chunk.getText('body').insert(0, 'z'.repeat(60_000));
    const second = Y.encodeStateAsUpdate(chunk, Y.encodeStateVectorFromUpdate(first));
    chunk.getText('body').insert(0, 'w'.repeat(60_000));
    const third = Y.encodeStateAsUpdate(
      chunk,
      Y.encodeStateVectorFromUpdate(Y.mergeUpdates([first, second])),
    );
    chunk.destroy();
    const frame = (u: Uint8Array) =>
      Buffer.concat([Buffer.from([0, 2]), encodeLength(u.length), Buffer.from(u)]);
    raw.ws.send(frame(first));
    raw.ws.send(frame(second));
    raw.ws.send(frame(third));
    expect((await raw.closed).code).toBe(CollabCloseCode.TooLarge);
    stop = true;
    await pinger;
    expect(roundTrips).toBeGreaterThan(3);
    expect(slowest).toBeLessThan(1000);
    // The writer stayed connected and the stored document holds only legitimate content.
    expect(writer.provider.wsconnected).toBe(true);
    writer.insert(' toujours là');
    await waitFor(
      async () => (await storedText(node.dataSource, name)).endsWith(' toujours là'),
      'writer works',
    );
    expect(writer.text()).toContain('intact');
    expect(writer.text()).not.toContain('w');
    expect(await storedText(node.dataSource, name)).toBe(writer.text());
    await request(node.app.getHttpServer()).get('/api/health').expect(200);
  });

  it('revalidateUser closes the connections of a member removed from the group (4403)', async () => {
    const name = `test:${group}:revoke`;
    const stays = open(node.wsUrl, name, amina);
    const leaves = open(node.wsUrl, name, thomas);
    await waitFor(() => stays.provider.synced && leaves.provider.synced, 'synced');
    const user = people.thomas;
    await node.dataSource.query(`DELETE FROM memberships WHERE user_id = $1 AND group_id = $2`, [
      user.id,
      group,
    ]);
    await node.app.get(CollabAccess).revalidateUser(user.id);
    await waitFor(() => leaves.closes.some((c) => c.code === CollabCloseCode.Forbidden), 'closed with 4403');
    expect(leaves.provider.shouldConnect).toBe(false);
    stays.insert('encore là');
    await waitFor(async () => (await storedText(node.dataSource, name)) === 'encore là', 'others unaffected');
  });
});

/** A lib0 varUint, as the sync message prefixes its payload. */
function encodeLength(n: number): Buffer {
  const bytes: number[] = [];
  let rest = n;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
