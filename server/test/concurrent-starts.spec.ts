/**
 * Jest's clean-up of globals overflows its stack on happy-dom's objects when the suite is skipped (its
 * afterAll, which takes them away, does not run then): off for this file.
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The server's modules (the factories load the app) before the browser's globals, which PDFKit must not
// see; the globals before the editor's modules: ProseMirror reads `navigator` and `document` when it loads.
import { buildOnStorage } from './support/factories';
import './support/dom-globals';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { FICHE_FRAGMENT } from '@affluents/editor/template';
import {
  drawPlans,
  endComposition,
  misplacedSentences,
  placements,
  random,
  sectionKeys,
  startComposition,
  typeChar,
  writerEditor,
} from '@affluents/editor/testing';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BUILT_MAIN, freePort, type ServerProcess, startServerProcess } from './support/child-node';
import { cookieSocket } from './support/cookie-socket';
import { removeDomGlobals } from './support/dom-globals';
import { describeWith } from './support/requires';
import { createTestDatabase } from './support/test-database';

// Several writers start typing in different empty sections of a new fiche at the same moment, each in a
// real editor (Tiptap + y-prosemirror, the client's extensions and carets) connected through y-websocket
// to the real server as production runs it: two server processes (the built application) sharing
// PostgreSQL and Redis, the writers split between them. Each sentence must stay in the section its writer
// chose. The caret placements, the starts (a key, a key after some of the others' letters arrived, an
// input-method composition) and the accented sentences are the client test's
// (client/src/features/fiches/concurrent-typing.test.ts), drawn from the same seeds. The servers run in
// their own processes, so their work and the editors' share the machine's cores as in production.

const STARTS = 100;
/**
 * Characters of each sentence typed one at a time, interleaved with the network, after the caret is placed:
 * the accented first letter and the next ones, where a remote insertion could still pull the caret away.
 */
const INTERLEAVED_CHARS = 10;
/** Starts in flight at once. */
const LANES = 3;
/** How long the network may take to deliver what was typed (a failure, not a pause: events end the wait). */
const DELIVERY_TIMEOUT_MS = 10_000;

// Two nodes need a shared PostgreSQL and Redis: this runs where both are configured (CI), and says so
// loudly when skipped.
const shared = describeWith(
  ['DATABASE_URL', 'REDIS_URL'],
  'writers starting at the same moment through the real server (two nodes)',
);

type Editor = ReturnType<typeof writerEditor>;

interface Writer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  editor: Editor;
  /** Changes this writer made, and changes it received from the server. */
  local: number;
  received: number;
  destroy(): void;
}

/** True when two documents have seen the same changes. */
function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sa = Y.decodeStateVector(Y.encodeStateVector(a));
  const sb = Y.decodeStateVector(Y.encodeStateVector(b));
  return sa.size === sb.size && [...sa].every(([client, clock]) => sb.get(client) === clock);
}

/** Resolves when `check` holds, re-checked on every change of the writers' documents. */
function untilChange(all: Writer[], check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const listeners: Array<() => void> = [];
    const done = (error?: Error) => {
      clearTimeout(timer);
      for (const stop of listeners) stop();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}`)), DELIVERY_TIMEOUT_MS);
    for (const writer of all) {
      const onUpdate = () => {
        if (check()) done();
      };
      writer.doc.on('update', onUpdate);
      listeners.push(() => writer.doc.off('update', onUpdate));
    }
    if (check()) done();
  });
}

/** Lets the event loop run once: what the sockets received so far is applied. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts the built server on `port` and resolves once it answers. */
const startServer = (port: number, env: Record<string, string>) =>
  startServerProcess([BUILT_MAIN], {
    port,
    env: { NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
  });

shared('writers starting at the same moment through the real server (two nodes)', () => {
  const nodes: ServerProcess[] = [];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let publicUrl: string;
  let group: string;
  /** Session cookies of three members of the group. */
  const cookies: string[] = [];

  /** A JSON call to the first node as the holder of `cookie`. */
  async function call(method: string, route: string, cookie: string, body?: unknown) {
    const res = await fetch(`${publicUrl}${route}`, {
      method,
      headers: { 'content-type': 'application/json', origin: publicUrl, ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res;
  }

  beforeAll(async () => {
    if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run "npx turbo run build" first`);
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url as string,
      REDIS_URL: process.env.REDIS_URL as string,
      REDIS_KEY_PREFIX: `affluents-starts-${randomBytes(4).toString('hex')}:`,
    };
    // One public address for both nodes, as behind the production proxy: the Origin both check.
    const publicPort = await freePort();
    publicUrl = `http://127.0.0.1:${publicPort}`;
    // The group and its three members, made by the factories on the database before the nodes start.
    const cast = await buildOnStorage({ DATABASE_URL: env.DATABASE_URL }, async (make) => {
      const made = await make.group('social_workers');
      const members = [await make.user(), await make.user(), await make.user()];
      for (const member of members) await make.membership(member, made);
      return { groupId: made.id, members };
    });
    group = cast.groupId;
    for (const port of [publicPort, await freePort()])
      nodes.push(await startServer(port, { ...env, PUBLIC_URL: publicUrl, SEED_DEMO: 'false' }));
    for (const member of cast.members) {
      const res = await call('POST', '/api/auth/login', '', {
        email: member.email,
        password: member.password,
      });
      cookies.push(String(res.headers.get('set-cookie')).split(';')[0]);
    }
  }, 120_000);
  afterAll(async () => {
    for (const node of nodes) await node.kill('SIGTERM');
    await database?.drop();
    await removeDomGlobals();
  });

  /** Writer `i` opens the fiche's document on node i % 2 and, once synced, its editor. */
  async function openWriter(docName: string, i: number): Promise<Writer> {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(nodes[i % 2].wsUrl, docName, doc, {
      WebSocketPolyfill: cookieSocket(cookies[i], publicUrl) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 300,
    });
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once('sync', () => resolve());
    });
    // The template came from the server, which wrote it when the fiche was created.
    expect(doc.getXmlFragment(FICHE_FRAGMENT).length).toBeGreaterThan(10);
    const editor = writerEditor(doc, { provider, user: { name: `Writer ${i}`, color: '#0b6e69' } });
    const writer: Writer = {
      doc,
      provider,
      editor,
      local: 0,
      received: 0,
      destroy() {
        editor.destroy();
        provider.destroy();
        provider.awareness.destroy();
        doc.destroy();
      },
    };
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) writer.received++;
      else writer.local++;
    });
    return writer;
  }

  /**
   * One concurrent start on a new fiche: every writer places the caret in its own empty section and the
   * "key" writers type their first letter in the same event-loop turn, before any update can arrive; a
   * "late key" or composing writer's first letter reaches the document after part of the others' changes
   * arrived from the server (while composing, for a composition); then typing and delivery interleave.
   */
  async function concurrentStart(seed: number): Promise<{ writers: number; misplaced: string[] }> {
    const draw = random(seed);
    const count = draw() < 0.5 ? 2 : 3;
    const created = (await (
      await call('POST', '/api/fiches', cookies[0], { title: `Départ simultané ${seed}`, groupId: group })
    ).json()) as { docName: string };
    const all = await Promise.all(Array.from({ length: count }, (_, i) => openWriter(created.docName, i)));
    try {
      const plans = drawPlans(draw, sectionKeys(all[0].editor), count, seed);
      // The same turn: nobody has seen anyone else's caret move or first letter.
      plans.forEach((plan, i) => {
        placements[plan.placement](all[i].editor, plan.section);
      });
      all.forEach((writer, i) => {
        if (plans[i].start === 'key') typeChar(writer.editor, plans[i].sentence[plans[i].typed++]);
        if (plans[i].start === 'composition') startComposition(writer.editor);
      });
      for (const [i, writer] of all.entries()) {
        if (plans[i].start === 'key') continue;
        const othersChanged = all.some((other, j) => j !== i && other.local > 0);
        if (othersChanged && draw() < 0.7)
          await untilChange(
            all,
            () => writer.received > 0,
            `writer ${i} receiving the others' first changes`,
          );
        const first = plans[i].sentence[plans[i].typed++];
        if (plans[i].start === 'composition') endComposition(writer.editor, first);
        else typeChar(writer.editor, first);
      }
      for (;;) {
        const typing = plans
          .map((plan, i) => (plan.typed < Math.min(INTERLEAVED_CHARS, plan.sentence.length) ? i : -1))
          .filter((i) => i >= 0);
        if (typing.length === 0) break;
        if (draw() < 0.4) await nextTurn();
        else {
          const i = typing[Math.floor(draw() * typing.length)];
          typeChar(all[i].editor, plans[i].sentence[plans[i].typed++]);
        }
      }
      // The rest of each sentence in one input (as a word completion would), the network still catching up.
      plans.forEach((plan, i) => {
        if (plan.typed < plan.sentence.length) typeChar(all[i].editor, plan.sentence.slice(plan.typed));
        plan.typed = plan.sentence.length;
      });
      await untilChange(all, () => all.every((w) => sameState(w.doc, all[0].doc)), 'every writer converging');
      // Every writer sees the same document, so a sentence is misplaced in all views or in none.
      const json = JSON.stringify(all[0].editor.getJSON());
      for (const writer of all) expect(JSON.stringify(writer.editor.getJSON())).toBe(json);
      return { writers: count, misplaced: misplacedSentences(all[0].editor, plans, seed) };
    } finally {
      for (const writer of all) writer.destroy();
    }
  }

  it(`keeps each sentence in the section its writer chose (${STARTS} concurrent starts)`, async () => {
    const misplaced: string[] = [];
    let sentencesTyped = 0;
    const started = Date.now();
    // Starts run a few at a time on different fiches (a start's first letters still go out in one turn):
    // while one waits for the network, another types.
    let next = 1;
    await Promise.all(
      Array.from({ length: LANES }, async () => {
        for (let seed = next++; seed <= STARTS; seed = next++) {
          const run = await concurrentStart(seed);
          misplaced.push(...run.misplaced);
          sentencesTyped += run.writers;
        }
      }),
    );
    console.info(
      `${STARTS} concurrent starts through two server nodes, ${sentencesTyped} sentences, misplaced: ${misplaced.length} (${Date.now() - started} ms)`,
    );
    expect(misplaced).toEqual([]);
  }, 240_000);
});
