/**
 * Scenario 4, chat fan-out (issue 6): members in groups of 10, messages sent at rising rates; delivery
 * latency p50 / p99 at each rate and the highest rate with p99 under 100 ms (nothing lost or refused).
 * Affluents as shipped: authenticated Socket.IO connections, each member in its group's thread
 * (`thread:join`), every message authorised and stored in PostgreSQL, Redis adapter on. Reference: a
 * bare Socket.IO relay (bench/servers/socketio-relay.mjs), rooms from the handshake, in memory.
 */
import { createBenchDatabase, startAffluents } from '../lib/affluents.mjs';
import { seedChat } from '../lib/chat-affluents.mjs';
import { highestHolding, P99_BOUND_MS, runChat, startRelay } from '../lib/chat-run.mjs';

/**
 * Affluents allows 30 messages per user per minute (REALTIME_MESSAGES_PER_MINUTE, a product limit
 * against floods, not a throughput limit): 1,000 members at that pace send 500 messages/s at most, so
 * the benchmark raises it.
 */
const MESSAGES_PER_MINUTE = 1_000_000;

export const CONFIGS = {
  quick: {
    groups: 30,
    perGroup: 10,
    processes: 2,
    rates: [100, 500, 2000],
    stepMs: 2000,
    drainMs: 1000,
    // Past a failed step the server's backlog spills into the next one: its figures would mean nothing.
    stopOnFail: true,
  },
  full: {
    groups: 100,
    perGroup: 10,
    processes: 4,
    // Fine steps low down (where a stored, authorised message saturates), coarser above.
    rates: [
      50, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 8000,
      10000, 12000, 16000, 20000,
    ],
    stepMs: 5000,
    drainMs: 1500,
    stopOnFail: true,
  },
};

async function measureAffluents(cfg, log) {
  const db = await createBenchDatabase();
  let server;
  try {
    server = await startAffluents(db, { env: { REALTIME_MESSAGES_PER_MINUTE: String(MESSAGES_PER_MINUTE) } });
    const members = await seedChat(db, server, cfg);
    const result = await runChat(
      { kind: 'affluents', baseUrl: server.publicUrl, pid: server.pid, dbName: db.name },
      members,
      cfg,
      log,
    );
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM messages');
    // Every acknowledged message is a stored row: the warm-up's and the steps', plus each thread's first.
    result.storedMessages = n;
    return result;
  } finally {
    await server?.stop();
    await db.drop();
  }
}

async function measureRelay(cfg, log) {
  const relay = await startRelay();
  try {
    const members = Array.from({ length: cfg.groups * cfg.perGroup }, (_, i) => ({
      tag: `g${Math.floor(i / cfg.perGroup)}m${i % cfg.perGroup}`,
      room: `room-${Math.floor(i / cfg.perGroup)}`,
    }));
    return await runChat({ kind: 'relay', baseUrl: relay.baseUrl, pid: relay.pid }, members, cfg, log);
  } finally {
    await relay.stop();
  }
}

const row = (scenario, metric, unit, affluents, relay, note) => ({
  scenario,
  metric,
  unit,
  affluents,
  ywebsocket: null,
  hocuspocus: null,
  relay,
  ...(note ? { note } : {}),
});

export default async function run({ quick, log }) {
  const cfg = quick ? CONFIGS.quick : CONFIGS.full;
  const label = `chat ${cfg.groups * cfg.perGroup} in ${cfg.groups} groups`;
  const results = {};
  log(`${label}: relay`);
  results.relay = await measureRelay(cfg, log);
  log(`${label}: affluents`);
  results.affluents = await measureAffluents(cfg, log);

  const rows = [];
  const stepAt = (key, rate) => results[key].steps.find((s) => s.rate === rate);
  const rates = cfg.rates.filter((rate) => stepAt('affluents', rate) || stepAt('relay', rate));
  for (const rate of rates) {
    const a = stepAt('affluents', rate);
    const r = stepAt('relay', rate);
    const flags = [];
    for (const [key, s] of [
      ['affluents', a],
      ['relay', r],
    ]) {
      if (!s) continue;
      if (s.generatorBound) flags.push(`${key}: load generator saturated`);
      if (s.missing > 0) flags.push(`${key}: ${s.missing} deliveries not arrived within the drain`);
      if (s.pending > 0) flags.push(`${key}: ${s.pending} sends still unacknowledged after the drain`);
      if (s.errors || s.timeouts)
        flags.push(
          `${key}: ${s.errors} refused ${JSON.stringify(s.errorCodes)}, ${s.timeouts} unacknowledged`,
        );
    }
    const note = flags.length ? flags.join('; ') : undefined;
    rows.push(row(label, `delivery p50 @${rate} msg/s`, 'ms', a?.p50 ?? null, r?.p50 ?? null));
    rows.push(row(label, `delivery p99 @${rate} msg/s`, 'ms', a?.p99 ?? null, r?.p99 ?? null, note));
    rows.push(
      row(label, `delivered @${rate} msg/s`, '/s', a?.deliveredPerSec ?? null, r?.deliveredPerSec ?? null),
    );
  }

  const best = {
    affluents: highestHolding(results.affluents.steps),
    relay: highestHolding(results.relay.steps),
  };
  const pick = (key, f) => (best[key] ? f(best[key]) : null);
  const maxGen = (key) => Math.max(0, ...results[key].steps.map((s) => s.generatorCores)).toFixed(2);
  const top = (key) => results[key].steps.at(-1);
  const note = [
    `Affluents with REALTIME_MESSAGES_PER_MINUTE=${MESSAGES_PER_MINUTE} (default 30 per user: a product limit, not a throughput limit)`,
    `${results.affluents.storedMessages} messages stored`,
    `held = p99 < ${P99_BOUND_MS} ms, nothing lost, refused or late to send`,
    `rooms of ${cfg.perGroup} (${cfg.perGroup - 1} deliveries per message), ${cfg.processes} generator processes`,
    `generators used up to ${maxGen('affluents')} (Affluents) / ${maxGen('relay')} (relay) cores of the machine's 2`,
    ...['affluents', 'relay']
      .filter((key) => top(key) && !top(key).holds && top(key).generatorBound)
      .map(
        (key) =>
          `${key}: the first step over the bound was generator-bound: its limit may be the generator's`,
      ),
    ...['affluents', 'relay']
      .filter((key) => top(key)?.holds)
      .map((key) => `${key}: held at every rate tried (the highest rate is a lower bound)`),
  ].join('; ');
  rows.push(
    row(
      label,
      `highest rate with p99 < ${P99_BOUND_MS} ms`,
      'msg/s',
      pick('affluents', (s) => s.sentPerSec),
      pick('relay', (s) => s.sentPerSec),
      note,
    ),
  );
  rows.push(
    row(
      label,
      'deliveries at that rate',
      '/s',
      pick('affluents', (s) => s.deliveredPerSec),
      pick('relay', (s) => s.deliveredPerSec),
    ),
  );
  rows.push(
    row(
      label,
      'p99 at that rate',
      'ms',
      pick('affluents', (s) => s.p99),
      pick('relay', (s) => s.p99),
    ),
  );
  rows.push(
    row(
      label,
      'server CPU at that rate',
      'cores',
      pick('affluents', (s) => s.serverCores),
      pick('relay', (s) => s.serverCores),
    ),
  );
  rows.push(
    row(
      label,
      'PostgreSQL CPU at that rate (bench database backends)',
      'cores',
      pick('affluents', (s) => s.postgresCores),
      null,
      'the relay stores nothing',
    ),
  );
  rows.push(
    row(
      label,
      'server CPU per message',
      'µs',
      pick('affluents', (s) => (s.serverCores * 1e6) / s.sentPerSec),
      pick('relay', (s) => (s.serverCores * 1e6) / s.sentPerSec),
    ),
  );
  return rows;
}
