import { CollabCloseCode } from '@affluents/contracts';
import request from 'supertest';
import * as Y from 'yjs';
import { DocRegistry } from '../src/collab/doc-registry';
import { UpdateWriter } from '../src/collab/persistence/update-writer';
import {
  type CollabNode,
  type CollabStorage,
  connectClient,
  createCollabStorage,
  startCollabNode,
  storedText,
  type TestClient,
  updateRows,
  waitFor,
} from './support/collab-client';
import { factories, nodeHost, type TestUser } from './support/factories';

describe('realtime documents: sync, persistence, restart', () => {
  let storage: CollabStorage;
  let node: CollabNode;
  let group: string;
  let people: Record<'amina' | 'thomas', TestUser>;
  let amina: string;
  let thomas: string;
  const clients: TestClient[] = [];
  const open = (...args: Parameters<typeof connectClient>) => {
    const client = connectClient(...args);
    clients.push(client);
    return client;
  };
  const closeClients = () => {
    for (const c of clients.splice(0)) c.destroy();
  };

  /** A node on the suite's storage, without the demo data (the factories make the accounts). */
  const startNode = (options: Parameters<typeof startCollabNode>[1] = {}) =>
    startCollabNode(storage, { seed: false, ...options });

  beforeAll(async () => {
    storage = await createCollabStorage();
    node = await startNode();
    // Two members of one group: the test resolver lets them write its `test:<groupId>` documents.
    const make = factories(nodeHost(node.app));
    const social = await make.group('social_workers');
    group = social.id;
    people = { amina: await make.user(), thomas: await make.user() };
    await make.membership(people.amina, social);
    await make.membership(people.thomas, social);
    amina = await node.signIn(people.amina);
    thomas = await node.signIn(people.thomas);
  });
  afterEach(closeClients);
  afterAll(async () => {
    closeClients();
    await node?.close();
    await storage?.dispose();
  });

  const restart = async () => {
    await node.close();
    node = await startNode();
  };

  it('converges two providers, gives a late third the full text, keeps it across a restart', async () => {
    const name = `test:${group}:converge`;
    const a = open(node.wsUrl, name, amina);
    const b = open(node.wsUrl, name, thomas);
    await waitFor(() => a.provider.synced && b.provider.synced, 'both synced');
    a.insert('Bonjour ');
    b.insert('le groupe');
    await waitFor(() => a.text() === b.text() && a.text().length === 17, 'convergence');
    const c = open(node.wsUrl, name, amina);
    await waitFor(() => c.provider.synced && c.text() === a.text(), 'late joiner has the text');
    const expected = a.text();
    closeClients();
    await restart();
    expect(await storedText(node.dataSource, name)).toBe(expected);
    const d = open(node.wsUrl, name, thomas);
    await waitFor(() => d.provider.synced && d.text() === expected, 'text after restart');
  });

  it('flushes on clean shutdown: an edit made just before close is stored', async () => {
    const name = `test:${group}:shutdown`;
    const a = open(node.wsUrl, name, amina);
    await waitFor(() => a.provider.synced, 'synced');
    a.insert('dernier mot');
    // Wait only for the frame to reach the server, far less than the 100 ms batch delay.
    await waitFor(
      async () => node.app.get(DocRegistry).loaded(name)?.doc.getText('body').toString() === 'dernier mot',
      'server has it',
      2000,
    );
    await node.close();
    closeClients();
    node = await startNode();
    expect(await storedText(node.dataSource, name)).toBe('dernier mot');
  });

  it('never saves a document whose load failed, refuses it with 4503 and loads it once readable', async () => {
    const name = `test:${group}:corrupt`;
    const good = new Y.Doc();
    good.getText('body').insert(0, 'texte stocké');
    const valid = Buffer.from(Y.encodeStateAsUpdate(good));
    good.destroy();
    const corrupt = valid.subarray(0, valid.length - 4);
    await node.dataSource.query(
      `INSERT INTO collab_documents (name, snapshot, byte_size) VALUES ($1, $2, $3)`,
      [name, corrupt, corrupt.length],
    );
    const before = await node.dataSource.query(`SELECT * FROM collab_documents WHERE name = $1`, [name]);
    const a = open(node.wsUrl, name, amina);
    a.insert('modification hors ligne ');
    await waitFor(() => a.closes.some((c) => c.code === CollabCloseCode.Unavailable), 'refused with 4503');
    const b = open(node.wsUrl, name, thomas);
    await waitFor(
      () => b.closes.some((c) => c.code === CollabCloseCode.Unavailable),
      'second client refused',
    );
    b.destroy();
    // Barrier instead of a pause: whatever the server accepted before refusing both clients is written now.
    expect(await node.app.get(UpdateWriter).flushAll()).toBe(0);
    expect(await node.dataSource.query(`SELECT * FROM collab_documents WHERE name = $1`, [name])).toEqual(
      before,
    );
    expect(await updateRows(node.dataSource, name)).toBe(0);
    const health = await request(node.app.getHttpServer()).get('/api/health').expect(200);
    expect(health.body.collab.failedLoads).toBe(1);
    // Repaired: the provider keeps retrying (45xx) and merges its offline edit into the stored text.
    await node.dataSource.query(`UPDATE collab_documents SET snapshot = $2 WHERE name = $1`, [name, valid]);
    await waitFor(
      () =>
        a.provider.synced &&
        a.text().length === 'modification hors ligne texte stocké'.length &&
        a.text().includes('modification hors ligne ') &&
        a.text().includes('texte stocké'),
      'loaded after repair',
      12000,
    );
    await waitFor(async () => (await storedText(node.dataSource, name)) === a.text(), 'edit stored');
  });

  it('batches rapid edits into few rows, all stored within the flush delay', async () => {
    const name = `test:${group}:batch`;
    const a = open(node.wsUrl, name, amina);
    await waitFor(() => a.provider.synced, 'synced');
    for (let i = 0; i < 100; i++) a.insert(`${i % 10}`);
    const lastEdit = Date.now();
    const expected = a.text();
    await waitFor(
      async () => (await storedText(node.dataSource, name)) === expected,
      'all edits stored',
      3000,
    );
    const delay = Date.now() - lastEdit;
    const rows = await updateRows(node.dataSource, name);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(5);
    expect(delay).toBeLessThan(1000);
  });

  it('compacts after COLLAB_COMPACT_AFTER_UPDATES and on unload, keeping every edit', async () => {
    await node.close();
    node = await startNode({
      env: { COLLAB_COMPACT_AFTER_UPDATES: '20', COLLAB_FLUSH_DELAY_MS: '0', COLLAB_UNLOAD_DELAY_MS: '200' },
    });
    amina = await node.signIn(people.amina);
    const name = `test:${group}:compact`;
    const a = open(node.wsUrl, name, amina);
    await waitFor(() => a.provider.synced, 'synced');
    let maxRows = 0;
    for (let i = 0; i < 60; i++) {
      a.insert(`mot${i} `);
      await new Promise((r) => setTimeout(r, 8));
      if (i % 10 === 9) maxRows = Math.max(maxRows, await updateRows(node.dataSource, name));
    }
    const expected = a.text();
    await waitFor(async () => (await storedText(node.dataSource, name)) === expected, 'stored');
    expect(maxRows).toBeLessThanOrEqual(30);
    const [doc] = await node.dataSource.query(
      `SELECT snapshot IS NOT NULL AS has_snapshot, compacted_at FROM collab_documents WHERE name = $1`,
      [name],
    );
    expect(doc.has_snapshot).toBe(true);
    a.destroy();
    // Unloaded after 200 ms without connections: compacted into the snapshot, no update rows left.
    await waitFor(() => node.app.get(DocRegistry).loaded(name) === null, 'unloaded', 3000);
    expect(await updateRows(node.dataSource, name)).toBe(0);
    expect(await storedText(node.dataSource, name)).toBe(expected);
    await node.close();
    node = await startNode();
    amina = await node.signIn(people.amina);
    thomas = await node.signIn(people.thomas);
  });

  it('merges edits made while the server was down once it is back', async () => {
    const name = `test:${group}:offline`;
    const a = open(node.wsUrl, name, amina);
    const b = open(node.wsUrl, name, thomas);
    await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
    a.insert('avant. ');
    await waitFor(() => b.text() === 'avant. ', 'b has it');
    const port = node.port;
    await node.close();
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected, 'disconnected');
    a.insert('A hors ligne. ');
    b.insert('B hors ligne. ', 0);
    node = await startNode({ port });
    await waitFor(
      () => a.text() === b.text() && a.text().includes('A hors ligne') && a.text().includes('B hors ligne'),
      'every client has every edit',
      8000,
    );
    const expected = a.text();
    await waitFor(async () => (await storedText(node.dataSource, name)) === expected, 'stored');
  });
});
