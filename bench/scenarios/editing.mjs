/**
 * Scenario 1, editing: C editors over D documents inserting text at a steady rate (issue 6). Clients
 * are y-protocols over ws (lib/yclient.mjs), not the full provider, so that the generator can drive
 * 1,000 editors; at 1,000 the generator is split over processes and runs where it saturates are flagged.
 */
import { runEditing } from '../lib/editing.mjs';
import { bringUp, SERVER_KEYS } from '../lib/servers.mjs';

export const CONFIGS = {
  quick: [{ clients: 40, docs: 4, rate: 2, durationMs: 5_000, processes: 1 }],
  full: [
    { clients: 200, docs: 20, rate: 2, durationMs: 60_000, processes: 1 },
    { clients: 1000, docs: 100, rate: 1, durationMs: 60_000, processes: 3 },
  ],
};

const METRICS = [
  ['propagation p50', 'ms', (r) => r.p50],
  ['propagation p95', 'ms', (r) => r.p95],
  ['propagation p99', 'ms', (r) => r.p99],
  ['propagation max', 'ms', (r) => r.max],
  ['updates delivered', '/s', (r) => r.deliveredPerSec],
  ['server CPU', 'cores', (r) => r.serverCores],
  ['server CPU per delivered update', 'µs', (r) => r.cpuUsPerUpdate],
  ['server RSS', 'MiB', (r) => r.rssMiB],
];

export default async function run({ quick, log }) {
  const rows = [];
  for (const cfg of quick ? CONFIGS.quick : CONFIGS.full) {
    const label = `editing ${cfg.clients}/${cfg.docs} @${cfg.rate}/s`;
    const results = {};
    for (const key of SERVER_KEYS) {
      log(`${label}: ${key}`);
      const up = await bringUp(key, { users: cfg.clients, docs: cfg.docs });
      try {
        results[key] = await runEditing(up, cfg);
      } finally {
        await up.stop();
      }
      const r = results[key];
      log(`  delivered ${r.delivered}/${r.expected}, generators ${JSON.stringify(r.generators)}`);
    }
    const notes = [];
    for (const [key, r] of Object.entries(results)) {
      if (r.generatorBound) notes.push(`${key}: load generator saturated, discard`);
      if (r.delivered < r.expected) notes.push(`${key}: ${r.expected - r.delivered} deliveries missing`);
    }
    for (const [metric, unit, pick] of METRICS) {
      rows.push({
        scenario: label,
        metric,
        unit,
        affluents: pick(results.affluents),
        ywebsocket: pick(results.ywebsocket),
        hocuspocus: pick(results.hocuspocus),
        note: metric === 'propagation p99' && notes.length ? notes.join('; ') : undefined,
      });
    }
  }
  return rows;
}
