/**
 * Scenario 5, two nodes: scenario 1 at 200/20 (quick: 40/4) with the editors of each fiche split over
 * two Affluents processes sharing PostgreSQL and Redis, against one node in the same run. No reference:
 * neither reference server scales out in memory.
 */
import { runEditing } from '../lib/editing.mjs';
import { affluentsRow } from '../lib/rows.mjs';
import { bringUp } from '../lib/servers.mjs';
import { CONFIGS } from './editing.mjs';

export default async function run({ quick, log }) {
  const cfg = quick ? CONFIGS.quick[0] : CONFIGS.full[0];
  const label = `two nodes ${cfg.clients}/${cfg.docs} @${cfg.rate}/s`;
  const results = {};
  for (const nodes of [1, 2]) {
    log(`${label}: ${nodes} node(s)`);
    const up = await bringUp('affluents', { users: cfg.clients, docs: cfg.docs, nodes });
    try {
      results[nodes] = await runEditing(up, cfg);
    } finally {
      await up.stop();
    }
  }
  const [one, two] = [results[1], results[2]];
  const row = affluentsRow(label);
  return [
    row('propagation p50, one node', 'ms', one.p50),
    row('propagation p50, two nodes', 'ms', two.p50),
    row('propagation p99, one node', 'ms', one.p99),
    row('propagation p99, two nodes', 'ms', two.p99, `two / one = ${(two.p99 / one.p99).toFixed(2)}x`),
    row('propagation max, two nodes', 'ms', two.max),
    row(
      'server CPU per delivered update, two nodes',
      'µs',
      two.cpuUsPerUpdate,
      `one node: ${one.cpuUsPerUpdate?.toFixed(1)} µs`,
    ),
    row('edits delivered, two nodes', '%', (100 * two.delivered) / two.expected),
  ];
}
