#!/usr/bin/env node
/**
 * Document loading before and after compaction (issue 3, "Done when"; issue 6, scenario 2 in part).
 *
 *   npx turbo run build                      # the benchmark runs the built server code (server/dist)
 *   node bench/document-load.mjs [--quick] [--updates N] [--runs N]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/document-load.mjs
 *
 * With DATABASE_URL, a fresh database is created on that server for the run and dropped afterwards;
 * without it, the embedded PostgreSQL (PGlite) of the server runs in a temporary DATA_DIR, removed
 * afterwards. Migrations are those of the server (openDatabase).
 *
 * The document is the start of the B4 editing trace (../shared/data/automerge-paper.json.gz, Martin
 * Kleppmann, automerge-perf, via josephg/editing-traces, CC BY 4.0): each single-character edit is
 * applied to a Y.Text and the update it produces is stored as its own row of collab_updates, as real
 * typing stores them, inserted in bulk through CollabStore.append. Loading and compaction go through
 * the server's own DocRegistry (acquire = CollabStore.load, then the snapshot and every later update
 * applied to a new Y.Doc; compact = CollabStore.compact on the loaded document).
 *
 * This prints figures; it asserts nothing about time (issue 6).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const dist = path.join(root, 'server', 'dist');
const TRACE = path.resolve(root, '..', 'shared', 'data', 'automerge-paper.json.gz');

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}
const quick = args.includes('--quick');
const UPDATES = option('--updates', quick ? 10_000 : 100_000);
const RUNS = option('--runs', 5);
const INSERT_CHUNK = 5_000;
const DOC_NAME = 'bench:document-load';

let Y;
let pg;
let server;
try {
  Y = require('yjs');
  pg = require('pg');
  server = {
    nest: require('@nestjs/common'),
    config: require(path.join(dist, 'config', 'app-config.js')),
    database: require(path.join(dist, 'infra', 'database', 'database.service.js')),
    store: require(path.join(dist, 'collab', 'persistence', 'collab-store.js')),
    writer: require(path.join(dist, 'collab', 'persistence', 'update-writer.js')),
    events: require(path.join(dist, 'collab', 'collab-events.js')),
    fanout: require(path.join(dist, 'collab', 'fanout', 'collab-fanout.js')),
    registry: require(path.join(dist, 'collab', 'doc-registry.js')),
  };
} catch (err) {
  console.error(`Cannot load the built server (${err.message}). Run "npx turbo run build" first.`);
  process.exit(1);
}
// The registry logs compactions at debug level; keep the table readable.
server.nest.Logger.overrideLogger(['error', 'warn']);

const ms = (t) => `${t.toFixed(t < 100 ? 1 : 0)} ms`;
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The first `count` single-character edits of the trace, as the updates a Y.Text emits, and the text. */
function traceUpdates(count) {
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE)).toString('utf8'));
  const doc = new Y.Doc();
  const text = doc.getText('body');
  const updates = [];
  doc.on('update', (u) => updates.push(u));
  const started = performance.now();
  let content = trace.startContent;
  if (content) text.insert(0, content);
  updates.length = 0;
  outer: for (const txn of trace.txns) {
    for (const [pos, del, ins] of txn.patches) {
      if (updates.length >= count) break outer;
      // One edit, one transaction, one update: as a keystroke in the editor.
      doc.transact(() => {
        if (del > 0) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      });
      content = content.slice(0, pos) + ins + content.slice(pos + del);
    }
  }
  const elapsed = performance.now() - started;
  if (text.toString() !== content) throw new Error('the Y.Text diverged from the trace');
  const encoded = Y.encodeStateAsUpdate(doc).byteLength;
  doc.destroy();
  return { updates, content, elapsed, encoded };
}

/** A database for this run: a fresh one on DATABASE_URL's server, or an embedded one in a temp folder. */
async function openBenchDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `affluents_bench_${Math.random().toString(16).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' };
    const drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    };
    return { env, label: `PostgreSQL (fresh database ${name})`, drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'affluents-bench-'));
  return {
    env: { DATA_DIR: dir, LOG_LEVEL: 'warn' },
    label: `embedded PGlite in ${dir}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function configFor(env) {
  return server.config.loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    // Compaction only when this benchmark asks for it, not on the first load.
    COLLAB_COMPACT_AFTER_UPDATES: String(Number.MAX_SAFE_INTEGER),
    COLLAB_UNLOAD_DELAY_MS: '600000',
    ...env,
  });
}

/** The server's registry of in-memory documents, wired as CollabModule wires it, on one node. */
function newRegistry(store, config) {
  const events = new server.events.CollabEvents(config);
  const writer = new server.writer.UpdateWriter(store, events, config);
  const fanout = new server.fanout.CollabFanout({ enabled: false });
  return new server.registry.DocRegistry(store, writer, fanout, config);
}

const peer = () => ({ send() {}, awarenessIds: new Set() });

/** Loads the document cold (nothing in memory), as the first connection to it does. */
async function timedLoad(store, config, expected) {
  const registry = newRegistry(store, config);
  const started = performance.now();
  const shared = await registry.acquire(DOC_NAME, peer());
  const elapsed = performance.now() - started;
  const text = shared.doc.getText('body').toString();
  await registry.close();
  if (text !== expected) throw new Error('the loaded document differs from the trace');
  return elapsed;
}

async function storedSize(dataSource) {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM collab_updates WHERE doc_name = $1) AS rows,
            (SELECT coalesce(sum(octet_length(update)), 0)::bigint FROM collab_updates WHERE doc_name = $1) AS update_bytes,
            (SELECT coalesce(octet_length(snapshot), 0) FROM collab_documents WHERE name = $1) AS snapshot_bytes`,
    [DOC_NAME],
  );
  return {
    rows: row.rows,
    bytes: Number(row.update_bytes) + Number(row.snapshot_bytes),
    snapshot: row.snapshot_bytes,
  };
}

async function main() {
  const wall = performance.now();
  console.log(`document-load: ${UPDATES.toLocaleString('en')} stored updates, ${RUNS} cold loads per phase`);
  const trace = traceUpdates(UPDATES);
  const updateBytes = trace.updates.reduce((s, u) => s + u.byteLength, 0);
  console.log(
    `trace: ${trace.updates.length} edits applied to a Y.Text in ${ms(trace.elapsed)}; text ${trace.content.length} chars; ` +
      `encoded document ${kb(trace.encoded)}`,
  );

  const db = await openBenchDatabase();
  console.log(`database: ${db.label}`);
  let opened = null;
  try {
    const config = configFor(db.env);
    opened = await server.database.openDatabase(config.database);
    const [{ server_version: version }] = await opened.dataSource.query('SHOW server_version');
    const store = new server.store.CollabStore(opened.dataSource);

    let started = performance.now();
    for (let i = 0; i < trace.updates.length; i += INSERT_CHUNK) {
      await store.append(DOC_NAME, trace.updates.slice(i, i + INSERT_CHUNK));
    }
    const insertMs = performance.now() - started;
    const before = await storedSize(opened.dataSource);
    if (before.rows !== trace.updates.length) throw new Error(`stored ${before.rows} rows`);

    const loadsBefore = [];
    for (let i = 0; i < RUNS; i++) loadsBefore.push(await timedLoad(store, config, trace.content));

    // Compaction as the server runs it: on the loaded document, through DocRegistry.compact.
    const registry = newRegistry(store, config);
    started = performance.now();
    const shared = await registry.acquire(DOC_NAME, peer());
    const loadForCompactMs = performance.now() - started;
    started = performance.now();
    await registry.compact(DOC_NAME);
    const compactMs = performance.now() - started;
    if (shared.doc.getText('body').toString() !== trace.content)
      throw new Error('compaction changed the text');
    await registry.close();
    const after = await storedSize(opened.dataSource);
    if (after.rows !== 0 || after.snapshot === 0) throw new Error('compaction did not replace the updates');

    const loadsAfter = [];
    for (let i = 0; i < RUNS; i++) loadsAfter.push(await timedLoad(store, config, trace.content));

    const rows = [
      ['', 'before compaction', 'after compaction'],
      ['stored rows (collab_updates)', String(before.rows), String(after.rows)],
      ['snapshot bytes', String(before.snapshot), String(after.snapshot)],
      [
        'stored bytes (snapshot + updates)',
        `${before.bytes} (${kb(before.bytes)})`,
        `${after.bytes} (${kb(after.bytes)})`,
      ],
      [`cold load, median of ${RUNS}`, ms(median(loadsBefore)), ms(median(loadsAfter))],
      [
        'cold load, min / max',
        `${ms(Math.min(...loadsBefore))} / ${ms(Math.max(...loadsBefore))}`,
        `${ms(Math.min(...loadsAfter))} / ${ms(Math.max(...loadsAfter))}`,
      ],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
    console.log('');
    console.log(
      `Affluents document load, ${trace.updates.length} single-character updates (B4 trace), ${db.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'} ${version}`,
    );
    console.log(line(rows[0]));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows.slice(1)) console.log(line(r));
    console.log('');
    console.log(
      `bulk insert of ${before.rows} rows (CollabStore.append, ${INSERT_CHUNK} per statement): ${ms(insertMs)}; raw update bytes ${updateBytes}`,
    );
    console.log(
      `compaction (DocRegistry.compact on the loaded document): ${ms(compactMs)} (after a load of ${ms(loadForCompactMs)})`,
    );
    console.log(
      `all cold loads, ms: before [${loadsBefore.map((t) => t.toFixed(1)).join(', ')}], after [${loadsAfter.map((t) => t.toFixed(1)).join(', ')}]`,
    );
    console.log(`total ${ms(performance.now() - wall)}`);
  } finally {
    await opened?.close();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
