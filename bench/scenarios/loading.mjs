/**
 * Scenario 2, loading the B4 document (../shared/data/automerge-paper.json.gz, Martin Kleppmann,
 * automerge-perf, via josephg/editing-traces, CC BY 4.0): time for a new client to connect and be
 * fully synced, cold and warm, and 10 clients at once.
 *
 * Stored "as real typing stores it" in Affluents: the server compacts a document once it passes
 * COLLAB_COMPACT_AFTER_UPDATES (500) stored updates, so what typing leaves behind is a snapshot plus
 * fewer than 500 rows; here, the snapshot of the first 259,528 edits and the last 250 edits as one
 * row each (the worst case of typing, which merges up to 64 into a row), written with SQL.
 * The references keep the whole state in a file, read and applied when a document is first opened
 * (y-websocket-server: its persistence hook; Hocuspocus: onLoadDocument).
 * Cold: a document never opened on that server process; warm: one client holds it open meanwhile.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { startLoad } from '../lib/load.mjs';
import { bringUp, SERVER_KEYS } from '../lib/servers.mjs';
import { median, summarize } from '../lib/stats.mjs';

const TRACE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'data',
  'automerge-paper.json.gz',
);
const TAIL = 250;

/** The B4 trace typed into a Y.Text, one transaction per edit: the snapshot before the tail, the tail, the full state. */
function typeTrace() {
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE)).toString('utf8'));
  const edits = trace.txns.flatMap((t) => t.patches);
  const doc = new Y.Doc();
  const text = doc.getText('body');
  const tail = [];
  let snapshot = null;
  edits.forEach(([pos, del, ins], i) => {
    if (i === edits.length - TAIL) {
      snapshot = Y.encodeStateAsUpdate(doc);
      doc.on('update', (u) => tail.push(u));
    }
    doc.transact(() => {
      if (del > 0) text.delete(pos, del);
      if (ins) text.insert(pos, ins);
    });
  });
  return { edits: edits.length, snapshot, tail, state: Y.encodeStateAsUpdate(doc) };
}

async function storeInAffluents(db, docName, b4) {
  await db.query(
    `INSERT INTO collab_documents (name, snapshot, byte_size, updates_since_snapshot, compacted_at)
     VALUES ($1, $2, $3, $4, clock_timestamp())`,
    [docName, Buffer.from(b4.snapshot), b4.snapshot.byteLength, TAIL],
  );
  await db.query(
    `INSERT INTO collab_updates (doc_name, update) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY t(u, n) ORDER BY n`,
    [docName, b4.tail.map((u) => Buffer.from(u))],
  );
}

/** Joins `count` clients at once to `docName`; resolves with each one's connect-to-synced time. */
async function join(up, docName, count, tokenAt) {
  const plan = Array.from({ length: count }, (_, i) => ({
    docName,
    token: up.tokens[tokenAt + i],
    server: up.servers[0],
  }));
  const load = startLoad(up.servers[0], plan);
  try {
    return (await load.connect({ concurrency: count })).joinMs;
  } finally {
    await load.exit();
  }
}

export default async function run({ quick, log }) {
  const runs = quick ? 3 : 7;
  log('loading: typing the B4 trace');
  const b4 = typeTrace();
  const dir = mkdtempSync(path.join(tmpdir(), 'affluents-bench-b4-'));
  const file = path.join(dir, 'b4.bin');
  writeFileSync(file, b4.state);
  const out = {};
  try {
    for (const key of SERVER_KEYS) {
      log(`loading: ${key}`);
      // Documents 0..runs-1 are opened cold once each; document `runs` is the warm one.
      const up = await bringUp(key, { users: 12 + runs, docs: runs + 1, loadFile: file });
      try {
        let stored = b4.state.byteLength;
        if (key === 'affluents') {
          for (const name of up.docNames) await storeInAffluents(up.db, name, b4);
          const [{ b }] = await up.db.query(
            `SELECT (SELECT sum(octet_length(snapshot)) FROM collab_documents WHERE name = $1) +
                    (SELECT sum(octet_length(update)) FROM collab_updates WHERE doc_name = $1) AS b`,
            [up.docNames[0]],
          );
          stored = Number(b);
        }
        const cold = [];
        for (let i = 0; i < runs; i++) cold.push(...(await join(up, up.docNames[i], 1, i)));
        const warmDoc = up.docNames[runs];
        const holderPlan = [{ docName: warmDoc, token: up.tokens[runs], server: up.servers[0] }];
        const holder = startLoad(up.servers[0], holderPlan);
        await holder.connect();
        const warm = [];
        for (let i = 0; i < runs; i++) warm.push(...(await join(up, warmDoc, 1, runs + 1)));
        const ten = await join(up, warmDoc, 10, runs + 2);
        await holder.exit();
        out[key] = {
          cold: summarize(cold),
          warm: summarize(warm),
          ten: Math.max(...ten),
          tenMedian: median(ten),
          stored,
        };
      } finally {
        await up.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const label = `loading B4 (${b4.edits.toLocaleString('en')} edits)`;
  const row = (metric, unit, pick, note) => ({
    scenario: label,
    metric,
    unit,
    ...Object.fromEntries(SERVER_KEYS.map((k) => [k, pick(out[k])])),
    note,
  });
  return [
    row(
      `cold join p50 (${runs} runs)`,
      'ms',
      (r) => r.cold.p50,
      'Affluents from PostgreSQL, references from a file',
    ),
    row('cold join p95', 'ms', (r) => r.cold.p95),
    row(`warm join p50 (${runs} runs)`, 'ms', (r) => r.warm.p50),
    row('warm join p95', 'ms', (r) => r.warm.p95),
    row('10 clients at once, until the last synced', 'ms', (r) => r.ten),
    row(
      'stored bytes',
      'bytes',
      (r) => r.stored,
      `encoded state ${b4.state.byteLength} bytes; Affluents: snapshot + ${TAIL} rows`,
    ),
  ];
}
