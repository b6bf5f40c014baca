import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Subject } from '@affluents/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createApp } from '../../src/app.factory';
import { DocAccessRegistry, type DocAccessResolver } from '../../src/collab/doc-access-registry';
import { loadConfig } from '../../src/config/app-config';
import { DemoSeeder } from '../../src/seed/demo-seeder';
import { cookieSocket } from './cookie-socket';
import { listen } from './socket-client';
import { signInSession } from './test-app';
import { createTestDatabase } from './test-database';

/**
 * `test:<groupId>` and `test:<groupId>:<anything>`: the group's members write, coordinators and
 * admins read, everyone else nothing (the rule the fiches module applies to `fiche:`).
 */
export const testDocResolver: DocAccessResolver = {
  prefix: 'test:',
  async resolve(docName: string, subject: Subject) {
    const groupId = docName.slice('test:'.length).split(':')[0];
    if (subject.memberships.some((m) => m.groupId === groupId)) return 'write';
    if (subject.platformRole === 'admin' || subject.platformRole === 'coordinator') return 'read';
    return null;
  },
};

/** Where a test keeps its database across server restarts. */
export interface CollabStorage {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** A database that outlives the app: a fresh PostgreSQL database, or an embedded one in a temp folder. */
export async function createCollabStorage(): Promise<CollabStorage> {
  const database = await createTestDatabase();
  if (database.url) return { env: { DATABASE_URL: database.url }, dispose: () => database.drop() };
  const dir = mkdtempSync(path.join(tmpdir(), 'affluents-collab-'));
  return { env: { DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A listening server node. */
export interface CollabNode {
  app: NestExpressApplication;
  port: number;
  /** ws://127.0.0.1:<port>/collab, what the provider is given. */
  wsUrl: string;
  dataSource: DataSource;
  /** Signs in over HTTP as an account made by the factories; returns the `name=value` session cookie for a provider. */
  signIn(who: { email: string; password: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the app on `storage`, with the demo data unless `seed: false`, listening on a free port (or
 * `port`), with the test resolver.
 */
export async function startCollabNode(
  storage: CollabStorage,
  options: { env?: Record<string, string>; port?: number; redisPrefix?: string; seed?: boolean } = {},
): Promise<CollabNode> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    REDIS_KEY_PREFIX: options.redisPrefix ?? `affluents-collab-${randomBytes(4).toString('hex')}:`,
    COLLAB_STORED_EVENT_DELAY_MS: '50',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...storage.env,
    ...options.env,
  });
  const { app } = await createApp(config);
  if (options.seed !== false) await app.get(DemoSeeder).seedIfEmpty();
  app.get(DocAccessRegistry).register(testDocResolver);
  await app.listen(options.port ?? 0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return {
    app,
    port,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    dataSource: app.get(DataSource),
    signIn: ({ email, password }) => signInSession(request.agent(app.getHttpServer()), email, password),
    close: () => app.close(),
  };
}

/** Listens on a free port of 127.0.0.1 (if not yet) and returns the app's document address, ws://…/collab. */
export async function listenForDocuments(app: NestExpressApplication): Promise<string> {
  return `${(await listen(app)).replace(/^http/, 'ws')}/collab`;
}

/** A real y-websocket client in Node. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
  insert(text: string, at?: number): void;
  /** Close events the provider saw, newest last. */
  closes: Array<{ code: number; reason: string }>;
  destroy(): void;
}

/** Opens a WebsocketProvider on `docName` as the holder of `cookie`. */
export function connectClient(
  wsUrl: string,
  docName: string,
  cookie: string | null,
  options: { doc?: Y.Doc; origin?: string; connect?: boolean } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: cookieSocket(cookie, options.origin) as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, clients in one process would sync without the server.
    disableBc: true,
    maxBackoffTime: 300,
    connect: options.connect ?? true,
  });
  const closes: Array<{ code: number; reason: string }> = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const text = doc.getText('body');
  return {
    doc,
    provider,
    closes,
    text: () => text.toString(),
    insert: (value, at) => text.insert(at ?? text.length, value),
    destroy() {
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `check` is true (polling), or fails with `what`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The stored text of a document (snapshot plus updates), read straight from the tables. */
export async function storedText(dataSource: DataSource, docName: string): Promise<string> {
  const doc = await storedDoc(dataSource, docName);
  const text = doc.getText('body').toString();
  doc.destroy();
  return text;
}

/** The stored state of a document as a Y.Doc (the caller destroys it). */
export async function storedDoc(dataSource: DataSource, docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const [head]: Array<{ snapshot: Buffer | null }> = await dataSource.query(
    `SELECT snapshot FROM collab_documents WHERE name = $1`,
    [docName],
  );
  if (head?.snapshot) Y.applyUpdate(doc, head.snapshot);
  const rows: Array<{ update: Buffer }> = await dataSource.query(
    `SELECT update FROM collab_updates WHERE doc_name = $1 ORDER BY id`,
    [docName],
  );
  for (const row of rows) Y.applyUpdate(doc, row.update);
  return doc;
}

/** Number of stored update rows of a document. */
export async function updateRows(dataSource: DataSource, docName: string): Promise<number> {
  const [row]: Array<{ n: number }> = await dataSource.query(
    `SELECT count(*)::int AS n FROM collab_updates WHERE doc_name = $1`,
    [docName],
  );
  return row.n;
}
