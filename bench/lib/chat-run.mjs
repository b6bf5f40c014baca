/**
 * One chat fan-out run (scenario 4 of issue 6) against one server: members spread over several load
 * generator processes (bench/load/chat-load.mjs), a short warm-up, then rising message rates, each for a
 * fixed time; per step, delivery latency over every receiver, deliveries, losses, errors, server CPU and
 * the generators' own CPU and event-loop delay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkGenerator, spawnServer, stop } from './children.mjs';
import { saturated } from './load.mjs';
import { freePort, waitFor } from './net.mjs';
import { cpuMs, rssKiB } from './proc.mjs';
import { summarize } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const GEN = path.join(here, '..', 'load', 'chat-load.mjs');

/** The bound of issue 6: a rate "holds" when p99 stays under it with nothing lost or refused. */
export const P99_BOUND_MS = 100;

/** Starts the bare Socket.IO relay (bench/servers/socketio-relay.mjs): { pid, baseUrl, stop() }. */
export async function startRelay() {
  const port = await freePort();
  const child = spawnServer(process.execPath, [path.join(here, '..', 'servers', 'socketio-relay.mjs')], {
    env: { PORT: String(port) },
  });
  await waitFor(() => child.output.includes('READY'), child, 'Socket.IO relay did not start');
  return { pid: child.pid, baseUrl: `http://127.0.0.1:${port}`, stop: () => stop(child) };
}

/**
 * CPU ms of each PostgreSQL backend serving `dbName` (its process title names the database), by pid:
 * the server's own CPU leaves out the work it hands to PostgreSQL.
 */
function pgBackendsCpu(dbName) {
  const out = new Map();
  if (!dbName) return out;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (title.startsWith('postgres:') && title.includes(` ${dbName} `)) out.set(pid, cpuMs(pid));
    } catch {}
  }
  return out;
}

function pgCpuSince(dbName, before) {
  let total = 0;
  for (const [pid, ms] of pgBackendsCpu(dbName)) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Merges the generators' answers to one step. */
function merge(parts) {
  const sum = (pick) => parts.reduce((s, p) => s + pick(p), 0);
  const concat = (pick) => {
    const out = new Float64Array(sum((p) => pick(p).length));
    let at = 0;
    for (const p of parts) {
      out.set(pick(p), at);
      at += pick(p).length;
    }
    return out;
  };
  const errorCodes = {};
  for (const p of parts)
    for (const [code, n] of Object.entries(p.errorCodes)) errorCodes[code] = (errorCodes[code] ?? 0) + n;
  return {
    sent: sum((p) => p.sent),
    acked: sum((p) => p.acked),
    pending: sum((p) => p.pending),
    errors: sum((p) => p.errors),
    timeouts: sum((p) => p.timeouts),
    disconnects: sum((p) => p.disconnects),
    delivered: sum((p) => p.delivered),
    errorCodes,
    samples: concat((p) => p.samples),
    ackSamples: concat((p) => p.ackSamples),
    sendWallMs: Math.max(...parts.map((p) => p.sendWallMs)),
    generators: parts.map((p) => ({ cpuCores: p.cpuCores, eldP99Ms: p.eldP99Ms, eldMaxMs: p.eldMaxMs })),
  };
}

/**
 * `target`: { kind: 'affluents' | 'relay', baseUrl, pid, dbName? }; `members`: [{ tag, room, headers? }], rooms
 * of `perGroup`. cfg: { rates, stepMs, drainMs, processes, stopOnFail }. Returns { connectMs, steps }.
 */
export async function runChat(target, members, cfg, log) {
  const parts = Array.from({ length: cfg.processes }, () => []);
  // Dealt round-robin, so each room has members in several processes (deliveries cross processes).
  for (const [i, m] of members.entries()) parts[i % cfg.processes].push(m);
  const gens = parts.map((part) =>
    forkGenerator(GEN, { kind: target.kind, baseUrl: target.baseUrl, members: part }),
  );
  const all = (cmd, extra) => Promise.all(gens.map((g) => g.request(cmd, extra)));
  const roomSize = cfg.perGroup;
  const steps = [];
  try {
    const connected = await all('connect');
    const connectMs = Math.max(...connected.map((c) => c.ms));
    log(
      `  ${members.length} members connected${target.kind === 'affluents' ? ' and joined' : ''} in ${Math.round(connectMs)} ms`,
    );
    // Warm-up (JIT, connection pools), not reported.
    await all('step', { rate: cfg.rates[0] / gens.length, durationMs: 1000, drainMs: 500, stepId: 0 });
    for (const [i, rate] of cfg.rates.entries()) {
      const cpu0 = cpuMs(target.pid);
      const pg0 = pgBackendsCpu(target.dbName);
      const t0 = performance.now();
      const r = merge(
        await all('step', {
          rate: rate / gens.length,
          durationMs: cfg.stepMs,
          drainMs: cfg.drainMs,
          stepId: i + 1,
        }),
      );
      const wall = performance.now() - t0;
      const serverCores = (cpuMs(target.pid) - cpu0) / wall;
      const postgresCores = target.dbName ? pgCpuSince(target.dbName, pg0) / wall : null;
      const latency = summarize(r.samples);
      const ack = summarize(r.ackSamples);
      const expected = r.sent * (roomSize - 1);
      const step = {
        rate,
        sentPerSec: r.sent / (r.sendWallMs / 1000),
        deliveredPerSec: r.delivered / (r.sendWallMs / 1000),
        p50: latency.p50,
        p95: latency.p95,
        p99: latency.p99,
        max: latency.max,
        ackP50: ack.p50,
        ackP99: ack.p99,
        sent: r.sent,
        delivered: r.delivered,
        missing: expected - r.delivered,
        errors: r.errors,
        errorCodes: r.errorCodes,
        timeouts: r.timeouts,
        pending: r.pending,
        disconnects: r.disconnects,
        serverCores,
        postgresCores,
        serverRssMiB: rssKiB(target.pid) / 1024,
        generators: r.generators,
        generatorCores: r.generators.reduce((s, g) => s + g.cpuCores, 0),
        generatorBound: r.generators.some(saturated),
      };
      step.holds =
        step.p99 != null &&
        step.p99 < P99_BOUND_MS &&
        step.missing <= 0 &&
        step.errors === 0 &&
        step.timeouts === 0 &&
        step.pending === 0 &&
        step.disconnects === 0 &&
        step.sentPerSec >= 0.9 * rate;
      steps.push(step);
      log(
        `  ${rate}/s: sent ${Math.round(step.sentPerSec)}/s, delivered ${Math.round(step.deliveredPerSec)}/s, ` +
          `p50 ${step.p50?.toFixed(1)} ms, p99 ${step.p99?.toFixed(1)} ms, ack p99 ${step.ackP99?.toFixed(1)} ms, ` +
          `missing ${step.missing}, errors ${step.errors}${step.errors ? ` ${JSON.stringify(step.errorCodes)}` : ''}, ` +
          `timeouts ${step.timeouts}, unacknowledged ${step.pending}, server ${step.serverCores.toFixed(2)} cores` +
          `${postgresCores == null ? '' : ` + PostgreSQL ${postgresCores.toFixed(2)}`}, generators ` +
          `${step.generatorCores.toFixed(2)} cores (eld p99 max ${Math.max(...step.generators.map((g) => g.eldP99Ms)).toFixed(1)} ms)` +
          `${step.generatorBound ? ' GENERATOR-BOUND' : ''}${step.holds ? '' : ' -> over the bound'}`,
      );
      if (!step.holds && cfg.stopOnFail) break;
    }
    return { connectMs, steps };
  } finally {
    await Promise.all(
      gens.map(async (g) => {
        if (g.child.connected) g.child.send({ cmd: 'exit' });
        const timer = setTimeout(() => stop(g.child), 5000);
        await new Promise((r) => (g.child.exitCode !== null ? r() : g.child.once('exit', r)));
        clearTimeout(timer);
      }),
    );
  }
}

/** The highest step that held (its measured send rate), or null. Steps above a failed one do not count. */
export function highestHolding(steps) {
  let best = null;
  for (const s of steps) {
    if (!s.holds) break;
    best = s;
  }
  return best;
}
