import { type AddressInfo, createServer, type Server, Socket } from 'node:net';
import request from 'supertest';
import {
  type CollabNode,
  connectClient,
  groupId,
  startCollabNode,
  storedText,
  type TestClient,
  waitFor,
} from './support/collab-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// A TCP proxy between the app and PostgreSQL that the test can cut: the machine's server is never touched.
const withPostgres = process.env.DATABASE_URL ? describe : describe.skip;

class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private up = true;
  private readonly server: Server;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => {
      if (!this.up) return client.destroy();
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return (this.server.address() as AddressInfo).port;
  }

  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.up = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((r) => this.server.close(() => r()));
  }
}

withPostgres('realtime documents while PostgreSQL is unreachable', () => {
  let database: TestDatabase;
  let proxy: CuttableProxy;
  let node: CollabNode;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url ?? '');
    proxy = new CuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${await proxy.listen()}`;
    node = await startCollabNode({ env: { DATABASE_URL: url.toString() }, dispose: async () => undefined });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await node?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('keeps editing in memory, reports degraded, and writes the edits once the database is back', async () => {
    const group = await groupId(node.dataSource, 'Hainaut Sud', 'social_workers');
    const name = `test:${group}:outage`;
    const a = connectClient(node.wsUrl, name, await node.signIn('amina@affluents.test'));
    const b = connectClient(node.wsUrl, name, await node.signIn('thomas@affluents.test'));
    clients.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
    a.insert('avant la panne. ');
    await waitFor(async () => (await storedText(node.dataSource, name)) === a.text(), 'stored before');

    proxy.cut();
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

    proxy.restore();
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
