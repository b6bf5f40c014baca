import request from 'supertest';
import {
  type CollabNode,
  connectClient,
  startCollabNode,
  storedText,
  type TestClient,
  waitFor,
} from './support/collab-client';
import { factories, nodeHost, type TestUser } from './support/factories';
import { describeWith } from './support/requires';
import { TcpProxy } from './support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// A TCP proxy between the app and PostgreSQL that the test can cut: the machine's server is never touched.
const withPostgres = describeWith(['DATABASE_URL'], 'realtime documents while PostgreSQL is unreachable');

withPostgres('realtime documents while PostgreSQL is unreachable', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let node: CollabNode;
  let group: string;
  let people: Record<'amina' | 'thomas', TestUser>;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = TcpProxy.forUrl(database.url ?? '');
    await proxy.start();
    node = await startCollabNode(
      { env: { DATABASE_URL: proxy.urlFor(database.url ?? '') }, dispose: async () => undefined },
      { seed: false },
    );
    const make = factories(nodeHost(node.app));
    const social = await make.group('social_workers');
    group = social.id;
    people = { amina: await make.user(), thomas: await make.user() };
    await make.membership(people.amina, social);
    await make.membership(people.thomas, social);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await node?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('keeps editing in memory, reports degraded, and writes the edits once the database is back', async () => {
    const name = `test:${group}:outage`;
    const a = connectClient(node.wsUrl, name, await node.signIn(people.amina));
    const b = connectClient(node.wsUrl, name, await node.signIn(people.thomas));
    clients.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
    a.insert('avant la panne. ');
    await waitFor(async () => (await storedText(node.dataSource, name)) === a.text(), 'stored before');

    await proxy.refuse();
    a.insert('pendant la panne. ');
    await waitFor(() => b.text() === a.text(), 'edits still shared in memory');
    await waitFor(
      async () =>
        (await request(node.app.getHttpServer()).get('/api/health')).body.collab?.persistence === 'retrying',
      'persistence retrying',
    );
    const health = await request(node.app.getHttpServer()).get('/api/health').expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.collab.pendingUpdates).toBeGreaterThan(0);

    await proxy.resume();
    await waitFor(
      async () => (await storedText(node.dataSource, name).catch(() => '')) === a.text(),
      'written after',
      15000,
    );
    await waitFor(
      async () => (await request(node.app.getHttpServer()).get('/api/health')).body.status === 'ok',
      'healthy again',
    );
  });
});
