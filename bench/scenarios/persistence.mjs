/**
 * Scenario 6, persistence cost (Affluents only; the references keep documents in memory):
 * - rows and bytes written to PostgreSQL per 1,000 edits: 10 editors over 10 fiches (under the 500
 *   updates that trigger a compaction, so every row written is still there to count);
 * - commit delay of each edit: its send time (stamped in the text) against the created_at of the row
 *   that stores it (now(), the start of the inserting transaction: a slight underestimate);
 * - flush on shutdown: a burst, then SIGTERM once every peer has it; time to exit, and every edit
 *   found in storage afterwards;
 * - RSS after ten cycles of 1,000 connections opening and closing (quick: 3 of 100) against its start.
 */
import * as Y from 'yjs';
import { startLoad } from '../lib/load.mjs';
import { rssKiB } from '../lib/proc.mjs';
import { affluentsRow } from '../lib/rows.mjs';
import { bringUp, planClients } from '../lib/servers.mjs';
import { summarize } from '../lib/stats.mjs';

const STAMP = /\[(\d+\.\d+)\]/g;
const settle = (ms) => new Promise((r) => setTimeout(r, ms));

/** Stamps found in the stored rows of the bench fiches, with each row's created_at (epoch ms). */
async function storedStamps(db) {
  const rows = await db.query(
    `SELECT update, extract(epoch FROM created_at) * 1000 AS at FROM collab_updates ORDER BY id`,
  );
  const found = new Map();
  for (const row of rows) {
    for (const struct of Y.decodeUpdate(row.update).structs) {
      const str = struct.content?.str;
      if (str) for (const m of str.matchAll(STAMP)) found.set(m[1], Number(row.at));
    }
  }
  const docs = await db.query(`SELECT snapshot FROM collab_documents WHERE snapshot IS NOT NULL`);
  for (const d of docs) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, d.snapshot);
    for (const m of doc.getText('body').toString().matchAll(STAMP))
      if (!found.has(m[1])) found.set(m[1], null);
  }
  return found;
}

async function writesPer1000(up, log) {
  const editors = 10;
  const load = startLoad(up.servers[0], planClients(up, editors), { keepSent: true });
  try {
    await load.connect();
    const size0 = await up.db.query(`SELECT pg_total_relation_size('collab_updates') AS b`);
    // 10 editors at 10 edits/s for 10 s: 1,000 edits, 100 per fiche.
    const result = await load.edit({ rate: 10, durationMs: 10_000, drainMs: 1500 });
    await settle(1000);
    const [{ rows, bytes }] = await up.db.query(
      `SELECT count(*)::int AS rows, coalesce(sum(octet_length(update)), 0)::int AS bytes FROM collab_updates`,
    );
    const size1 = await up.db.query(`SELECT pg_total_relation_size('collab_updates') AS b`);
    const stored = await storedStamps(up.db);
    const delays = [];
    let missing = 0;
    for (const t of result.sentTimes) {
      const at = stored.get(t.toFixed(3));
      if (at == null) missing++;
      else delays.push(at - t);
    }
    log(`  ${result.sent} edits, ${rows} rows, ${missing} not found in rows`);
    const per = 1000 / result.sent;
    return {
      rows: rows * per,
      bytes: bytes * per,
      relationBytes: (Number(size1[0].b) - Number(size0[0].b)) * per,
      commit: summarize(delays),
      missing,
    };
  } finally {
    await load.exit();
  }
}

async function flushOnShutdown(up, log) {
  const editors = 10;
  const load = startLoad(up.servers[0], planClients(up, editors), { keepSent: true });
  try {
    await load.connect();
    // 10 editors on 10 fiches, alone on each: nothing to wait for but the server's own write delay.
    const { sentTimes } = await load.burst({ count: 50, expectedDeliveries: 0 });
    await settle(50);
    const ms = await up.servers[0].stop();
    const stored = await storedStamps(up.db);
    const lost = sentTimes.filter((t) => !stored.has(t.toFixed(3))).length;
    log(`  shutdown ${ms.toFixed(0)} ms, ${lost}/${sentTimes.length} edits not stored`);
    return { ms, lost, sent: sentTimes.length };
  } finally {
    await load.exit();
  }
}

async function connectionCycles(up, { cycles, clients }) {
  const rss0 = rssKiB(up.servers[0].pid);
  for (let c = 0; c < cycles; c++) {
    const load = startLoad(up.servers[0], planClients(up, clients), { processes: 1 });
    await load.connect();
    await load.close();
    await load.exit();
  }
  // Documents stay loaded COLLAB_UNLOAD_DELAY_MS after their last connection; RSS is read after it.
  await settle(3000);
  return { before: rss0 / 1024, after: rssKiB(up.servers[0].pid) / 1024 };
}

export default async function run({ quick, log }) {
  const cycles = quick ? 3 : 10;
  const clients = quick ? 100 : 1000;
  const up = await bringUp('affluents', { users: clients, docs: 10 });
  let writes;
  let memory;
  let flush;
  try {
    log('persistence: writes per 1,000 edits');
    writes = await writesPer1000(up, log);
    log(`persistence: ${cycles} cycles of ${clients} connections`);
    memory = await connectionCycles(up, { cycles, clients });
    log('persistence: flush on shutdown');
    flush = await flushOnShutdown(up, log);
  } finally {
    await up.stop();
  }
  const row = affluentsRow('persistence');
  return [
    row('collab_updates rows per 1,000 edits', 'rows', writes.rows),
    row(
      'update bytes per 1,000 edits',
      'bytes',
      writes.bytes,
      `table + indexes grew ${Math.round(writes.relationBytes)} bytes per 1,000`,
    ),
    row('commit delay p50', 'ms', writes.commit.p50),
    row('commit delay p95', 'ms', writes.commit.p95),
    row('commit delay p99', 'ms', writes.commit.p99),
    row(
      'commit delay max',
      'ms',
      writes.commit.max,
      writes.missing ? `${writes.missing} edits not found in rows` : undefined,
    ),
    row(
      'flush on shutdown (SIGTERM to exit)',
      'ms',
      flush.ms,
      `${flush.lost} of ${flush.sent} edits missing after exit`,
    ),
    row('RSS before the connection cycles', 'MiB', memory.before),
    row(
      `RSS after ${cycles} cycles of ${clients} connections`,
      'MiB',
      memory.after,
      `${((100 * (memory.after - memory.before)) / memory.before).toFixed(1)}% vs start`,
    ),
  ];
}
