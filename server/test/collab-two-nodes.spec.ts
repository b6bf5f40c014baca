import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { CollabFanout } from '../src/collab/fanout/collab-fanout';
import { UpdateWriter } from '../src/collab/persistence/update-writer';
import { openAwarenessPeer } from './support/awareness-peer';
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
import { describeWith } from './support/requires';

// Two nodes need a shared PostgreSQL and Redis: this runs where both are configured (CI).
const shared = describeWith(
  ['DATABASE_URL', 'REDIS_URL'],
  'realtime documents on two nodes sharing PostgreSQL and Redis',
);

/** Characters stored per Yjs client id, summed over every stored row: twice the edits if stored twice. */
async function storedLengthByClient(node: CollabNode, name: string): Promise<Map<number, number>> {
  const rows: Array<{ update: Buffer }> = await node.dataSource.query(
    `SELECT update FROM collab_updates WHERE doc_name = $1
     UNION ALL SELECT snapshot FROM collab_documents WHERE name = $1 AND snapshot IS NOT NULL`,
    [name],
  );
  const lengths = new Map<number, number>();
  for (const row of rows) {
    for (const struct of Y.decodeUpdate(row.update).structs) {
      if (struct instanceof Y.Item)
        lengths.set(struct.id.client, (lengths.get(struct.id.client) ?? 0) + struct.length);
    }
  }
  return lengths;
}

shared('realtime documents on two nodes sharing PostgreSQL and Redis', () => {
  let storage: CollabStorage;
  const nodes: CollabNode[] = [];
  const clients: TestClient[] = [];
  let group: string;
  let people: Record<'amina' | 'thomas' | 'admin', TestUser>;

  beforeAll(async () => {
    storage = await createCollabStorage();
    const redisPrefix = `affluents-collab2n-${randomBytes(4).toString('hex')}:`;
    nodes.push(await startCollabNode(storage, { redisPrefix, seed: false }));
    nodes.push(await startCollabNode(storage, { redisPrefix, seed: false }));
    // Both nodes share the database: accounts made through node A sign in on either.
    const make = factories(nodeHost(nodes[0].app));
    const social = await make.group('social_workers');
    group = social.id;
    people = {
      amina: await make.user({ displayName: 'Amina Lahlou' }),
      thomas: await make.user({ displayName: 'Thomas Dubois' }),
      admin: await make.user({ platformRole: 'admin' }),
    };
    await make.membership(people.amina, social);
    await make.membership(people.thomas, social);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const node of nodes) await node.close();
    await storage?.dispose();
  });

  it('converges clients on different nodes and stores each update once', async () => {
    const name = `test:${group}:two-nodes`;
    const a = connectClient(nodes[0].wsUrl, name, await nodes[0].signIn(people.amina));
    const b = connectClient(nodes[1].wsUrl, name, await nodes[1].signIn(people.thomas));
    clients.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced, 'both synced');
    a.provider.awareness.setLocalStateField('user', { name: 'Amina' });
    await waitFor(
      () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Amina Lahlou'),
      'caret crosses nodes',
    );
    for (let i = 0; i < 10; i++) {
      a.insert('a');
      b.insert('b', 0);
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => a.text() === b.text() && a.text().length === 20, 'convergence across nodes');
    // A client joining on node B right after an edit on node A, before it is written, still gets it.
    a.insert('!');
    const c = connectClient(nodes[1].wsUrl, `${name}`, await nodes[1].signIn(people.amina));
    clients.push(c);
    await waitFor(() => c.text() === a.text() && a.text().length === 21, 'late joiner on the other node');
    await waitFor(async () => (await storedText(nodes[0].dataSource, name)) === a.text(), 'stored');
    // Barrier instead of a pause: a second copy of an update, from either node, would be written by now.
    for (const node of nodes) expect(await node.app.get(UpdateWriter).flushAll()).toBe(0);
    const lengths = await storedLengthByClient(nodes[0], name);
    expect(lengths.get(a.doc.clientID)).toBe(11);
    expect(lengths.get(b.doc.clientID)).toBe(10);
  });

  it('loads on a second node a document another node still holds unwritten edits of', async () => {
    const name = `test:${group}:late-load`;
    const a = connectClient(nodes[0].wsUrl, name, await nodes[0].signIn(people.amina));
    clients.push(a);
    await waitFor(() => a.provider.synced, 'synced');
    a.insert('écrit sur A');
    const b = connectClient(nodes[1].wsUrl, name, await nodes[1].signIn(people.thomas));
    clients.push(b);
    await waitFor(() => b.provider.synced && b.text() === 'écrit sur A', 'node B got the unwritten edit');
  });

  it('keeps a document nobody else holds off Redis, and publishes again once another node loads it', async () => {
    const name = `test:${group}:kept-local`;
    const fanoutA = nodes[0].app.get(CollabFanout);
    const a = connectClient(nodes[0].wsUrl, name, await nodes[0].signIn(people.amina));
    clients.push(a);
    await waitFor(() => a.provider.synced, 'synced');
    const keptBefore = fanoutA.stats().keptLocal;
    // Node A learns from Redis's receiver counts that it is alone on the channel, then stops publishing.
    await waitFor(async () => {
      a.insert('a');
      await new Promise((r) => setTimeout(r, 20));
      return fanoutA.stats().keptLocal > keptBefore;
    }, 'node A keeps its updates local');
    const b = connectClient(nodes[1].wsUrl, name, await nodes[1].signIn(people.thomas));
    clients.push(b);
    await waitFor(() => b.provider.synced && b.text() === a.text(), 'node B got what A kept local');
    // From now on B only hears A's edits through Redis (it does not read storage again).
    a.insert('Z');
    b.insert('Y', 0);
    await waitFor(
      () => a.text() === b.text() && a.text().startsWith('Y') && a.text().endsWith('Z'),
      'live edits cross nodes again',
    );
  });
  it('refuses on another node a caret forged for a client id held on this one, and names carets from the meeting', async () => {
    const name = `test:${group}:carets`;
    const victim = connectClient(nodes[0].wsUrl, name, await nodes[0].signIn(people.amina));
    clients.push(victim);
    await waitFor(() => victim.provider.synced, 'victim synced');
    victim.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    const victimId = victim.provider.awareness.clientID;
    const observer = await openAwarenessPeer(nodes[0].wsUrl, name, await nodes[0].signIn(people.admin));
    const hostile = await openAwarenessPeer(nodes[1].wsUrl, name, await nodes[1].signIn(people.thomas));
    try {
      // Node B knows the victim's caret (through the fan-out) before the forgery is sent.
      await waitFor(() => hostile.states.has(victimId), 'the caret reached node B');
      const before = observer.states.get(victimId);
      const forged = { user: { name: 'Faux nom', color: '#000000' } };
      hostile.send([{ clientId: victimId, clock: (before?.clock ?? 0) + 100, state: forged }]);
      hostile.send([{ clientId: victimId, clock: (before?.clock ?? 0) + 101, state: null }]);
      hostile.send([{ clientId: 777, clock: 1, state: { user: { name: 'Amina Lahlou' }, marker: 1 } }]);
      await waitFor(() => observer.states.get(777)?.state?.marker === 1, 'the marker crossed nodes');
      expect(observer.states.get(victimId)).toEqual(before);
      expect(victim.provider.awareness.getLocalState()?.user).toBeUndefined();
      expect(observer.states.get(777)?.state?.user).toMatchObject({ name: 'Thomas Dubois' });
    } finally {
      observer.close();
      hostile.close();
    }
  });
});
