import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { FICHE_FRAGMENT } from '@affluents/editor/template';
import * as Y from 'yjs';
import { openDatabase } from '../src/infra/database/database.service';
import { BUILT_MAIN, freePort, type ServerProcess, startServerProcess } from './support/child-node';
import {
  type CollabStorage,
  connectClient,
  createCollabStorage,
  storedDoc,
  type TestClient,
  waitFor,
} from './support/collab-client';
import { buildOnStorage } from './support/factories';
import { signInCookie } from './support/socket-client';

/**
 * Kill -9 while two members type in a fiche (issue 3, "Tests"): the BUILT server (`npx turbo run build`)
 * runs as a child process; it is killed mid-typing and started again on the same port and database; the
 * providers reconnect by themselves, and every edit either client made must end up stored.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client typing tokens at the end of the paragraph under one section heading, as the editor would. */
interface Typist {
  client: TestClient;
  tokens: string[];
  syncs: number;
  type(): void;
  paragraphText(doc: Y.Doc): string;
}

function typist(client: TestClient, section: string, prefix: string): Typist {
  const paragraphOf = (doc: Y.Doc): Y.XmlElement => {
    const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
    const index = nodes.findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('section') === section);
    if (index < 0) throw new Error(`no section ${section}`);
    return nodes[index + 1];
  };
  const t: Typist = {
    client,
    tokens: [],
    syncs: 0,
    type() {
      const paragraph = paragraphOf(client.doc);
      if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
      const text = paragraph.get(0) as Y.XmlText;
      const token = `${prefix}${t.tokens.length};`;
      text.insert(text.length, token);
      t.tokens.push(token);
    },
    paragraphText: (doc) =>
      paragraphOf(doc)
        .toArray()
        .map((n) => (n instanceof Y.XmlText ? n.toString() : ''))
        .join(''),
  };
  client.provider.on('sync', (synced: boolean) => {
    if (synced) t.syncs++;
  });
  return t;
}

/** True when `stored` holds every change of `doc` (its state vector covers the doc's). */
function covers(stored: Y.Doc, doc: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(stored));
  for (const [clientId, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if ((have.get(clientId) ?? 0) < clock) return false;
  }
  return true;
}

describe('kill -9 of the built server while two members type in a fiche', () => {
  let storage: CollabStorage;
  let port: number;
  let baseUrl: string;
  let current: ServerProcess | null = null;
  const typists: Typist[] = [];
  let typing: NodeJS.Timeout | null = null;
  const redisPrefix = `affluents-kill-${randomBytes(4).toString('hex')}:`;

  /** Starts the built server on the suite's port and storage; resolves once it answers. */
  async function start(timeoutMs: number): Promise<ServerProcess> {
    current = await startServerProcess([BUILT_MAIN], {
      port,
      timeoutMs,
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        REDIS_KEY_PREFIX: redisPrefix,
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
        ...storage.env,
      },
    });
    return current;
  }

  async function kill9(server: ServerProcess): Promise<void> {
    await server.kill('SIGKILL');
    if (current === server) current = null;
  }

  beforeAll(async () => {
    storage = await createCollabStorage();
    port = await freePort();
    baseUrl = `http://localhost:${port}`;
  });

  afterAll(async () => {
    if (typing) clearInterval(typing);
    for (const t of typists) t.client.destroy();
    if (current) await kill9(current);
    await storage?.dispose();
  });

  it('stores every edit either client made, after the server is killed mid-typing and restarted', async () => {
    if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run "npx turbo run build" first`);
    // The group and its two members, made by the factories on the storage before the server opens it.
    const cast = await buildOnStorage(storage.env, async (make) => {
      const group = await make.group('social_workers');
      const members = [await make.user(), await make.user()];
      for (const member of members) await make.membership(member, group);
      return { groupId: group.id, members };
    });
    const first = await start(30_000);

    const [sophie, claire] = await Promise.all(
      cast.members.map((member) => signInCookie(baseUrl, member.email, member.password)),
    );
    const created = await fetch(`${baseUrl}/api/fiches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: sophie, origin: baseUrl },
      body: JSON.stringify({ title: 'Atelier vélo solidaire', groupId: cast.groupId }),
    });
    expect(created.status).toBe(201);
    const fiche = (await created.json()) as { id: string; docName: string };
    expect(fiche.docName).toBe(`fiche:${fiche.id}`);

    const wsUrl = `ws://127.0.0.1:${port}/collab`;
    typists.push(
      typist(connectClient(wsUrl, fiche.docName, sophie, { origin: baseUrl }), 'objectifs', 's'),
      typist(connectClient(wsUrl, fiche.docName, claire, { origin: baseUrl }), 'contexte', 'c'),
    );
    await waitFor(
      () => typists.every((t) => t.syncs >= 1 && t.client.doc.getXmlFragment(FICHE_FRAGMENT).length > 0),
      'both clients synced with the template',
      10_000,
    );

    // Both type continuously (every 10 ms each) from now until after the restart.
    typing = setInterval(() => {
      for (const t of typists) t.type();
    }, 10);
    await sleep(1500);
    await kill9(first);
    const killedAt = typists.map((t) => t.tokens.length);
    // Typing goes on offline while the server is down.
    await sleep(300);

    const second = await start(15_000);
    await waitFor(
      () => typists.every((t) => t.syncs >= 2 && t.client.provider.wsconnected),
      'both providers reconnected and synced by themselves',
      15_000,
    );
    await sleep(500);
    clearInterval(typing);
    typing = null;
    const typed = typists.map((t) => t.tokens.length);
    // Edits were made before the kill, while the server was down, and after the restart.
    for (const [i, count] of typed.entries()) expect(count).toBeGreaterThan(killedAt[i] + 10);
    expect(Math.min(...killedAt)).toBeGreaterThan(20);

    // The two clients converge on one document holding both paragraphs in full.
    const [a, b] = typists;
    await waitFor(
      () => covers(a.client.doc, b.client.doc) && covers(b.client.doc, a.client.doc),
      'the two clients converged',
      10_000,
    );
    for (const t of typists) {
      expect(t.paragraphText(a.client.doc)).toBe(t.tokens.join(''));
      expect(t.paragraphText(b.client.doc)).toBe(t.tokens.join(''));
    }

    let stored: Y.Doc | null = null;
    const storedCovers = (doc: Y.Doc) => typists.every((t) => covers(doc, t.client.doc));
    if (storage.env.DATABASE_URL) {
      // PostgreSQL: read the tables while the restarted server runs, until they hold every edit.
      const db = await openDatabase({ mode: 'postgres', url: storage.env.DATABASE_URL, poolSize: 1 });
      try {
        await waitFor(
          async () => {
            stored?.destroy();
            stored = await storedDoc(db.dataSource, fiche.docName);
            return storedCovers(stored);
          },
          'the stored document to hold every edit',
          10_000,
        );
      } finally {
        await db.close();
      }
    } else {
      // Embedded: its one connection belongs to the server. Wait until nothing is left to write, kill
      // it again (so no shutdown flush can help) and open its data directory here.
      let quiet = 0;
      await waitFor(
        async () => {
          const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as {
            collab: { pendingUpdates: number; persistence: string };
          };
          quiet = health.collab.pendingUpdates === 0 && health.collab.persistence === 'ok' ? quiet + 1 : 0;
          return quiet >= 5;
        },
        'the server to have written every update',
        10_000,
      );
      await sleep(300);
      for (const t of typists) t.client.provider.disconnect();
      await kill9(second);
      const db = await openDatabase({ mode: 'embedded', dataDir: storage.env.DATA_DIR });
      try {
        stored = await storedDoc(db.dataSource, fiche.docName);
      } finally {
        await db.close();
      }
    }
    const doc = stored as unknown as Y.Doc;
    try {
      for (const t of typists) {
        expect(covers(doc, t.client.doc)).toBe(true);
        expect(t.paragraphText(doc)).toBe(t.tokens.join(''));
      }
      // The template was not duplicated by the resync.
      expect(doc.getXmlFragment(FICHE_FRAGMENT).length).toBe(
        a.client.doc.getXmlFragment(FICHE_FRAGMENT).length,
      );
    } finally {
      doc.destroy();
    }
  }, 60_000);
});
