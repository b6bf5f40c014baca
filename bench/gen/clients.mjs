/**
 * Load generator, run as its own process (forked by lib/children.mjs forkGenerator): holds a set of
 * document clients (lib/yclient.mjs) and runs the runner's commands over IPC. Each edit inserts its
 * send time, `[<wall ms>]`, into the text, so any receiver, in any generator process of this machine,
 * computes the propagation latency from the text it receives. Reports its own CPU and event-loop delay
 * so that runs where the generator, not the server, is the bottleneck can be flagged.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serveRunner } from '../lib/runner-ipc.mjs';
import { connectDoc } from '../lib/yclient.mjs';

const STAMP = /\[(\d+\.\d+)\]/g;
const wallMs = () => performance.timeOrigin + performance.now();

let config;
let clients = [];
let samples = [];
let delivered = 0;
let sentTimes = [];

/** Opens every target, `concurrency` at a time (a thousand simultaneous upgrades measure the backlog). */
async function connectAll({ concurrency = 50 } = {}) {
  const started = performance.now();
  const joinMs = new Array(config.targets.length);
  let next = 0;
  const worker = async () => {
    while (next < config.targets.length) {
      const i = next++;
      const t0 = performance.now();
      clients[i] = await connectDoc({
        ...config.targets[i],
        onRemote: (_update, texts) => {
          delivered++;
          const now = wallMs();
          for (const text of texts) for (const m of text.matchAll(STAMP)) samples.push(now - Number(m[1]));
        },
      });
      joinMs[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, config.targets.length) }, worker));
  return { joinMs, ms: performance.now() - started };
}

function insertStamp(client) {
  const text = client.doc.getText('body');
  const t = wallMs();
  if (config.keepSent) sentTimes.push(t);
  text.insert(text.length, `[${t.toFixed(3)}]`);
}

/** Every client edits at `rate` per second for `durationMs`, then waits `drainMs` for late arrivals. */
async function edit({ rate, durationMs, drainMs = 1000 }) {
  samples = [];
  delivered = 0;
  sentTimes = [];
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let sent = 0;
  const period = 1000 / rate;
  const timers = clients.map((client) =>
    // A random phase per client: a steady rate overall, not synchronised bursts.
    setTimeout(() => {
      insertStamp(client);
      sent++;
      timers.push(
        setInterval(() => {
          insertStamp(client);
          sent++;
        }, period),
      );
    }, Math.random() * period),
  );
  await new Promise((r) => setTimeout(r, durationMs));
  for (const t of timers) {
    clearTimeout(t);
    clearInterval(t);
  }
  const editWall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await new Promise((r) => setTimeout(r, drainMs));
  eld.disable();
  return {
    sent,
    delivered,
    samples: Float64Array.from(samples),
    sentTimes: config.keepSent ? Float64Array.from(sentTimes) : undefined,
    editWallMs: editWall,
    cpuCores: (cpu.user + cpu.system) / 1000 / editWall,
    eldP99Ms: eld.percentile(99) / 1e6,
    eldMaxMs: eld.max / 1e6,
  };
}

/** Every client sends `count` edits at once; resolves when the expected deliveries arrived (or timeout). */
async function burst({ count, expectedDeliveries, timeoutMs = 20_000 }) {
  sentTimes = [];
  delivered = 0;
  for (let k = 0; k < count; k++) for (const client of clients) insertStamp(client);
  const deadline = Date.now() + timeoutMs;
  while (delivered < expectedDeliveries && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  return { sent: count * clients.length, delivered, sentTimes: Float64Array.from(sentTimes) };
}

async function closeAll() {
  await Promise.all(clients.map((c) => c?.close()));
  clients = [];
  return {};
}

const handlers = {
  connect: connectAll,
  edit,
  burst,
  close: closeAll,
  // How many texts each client holds: lets the runner check that every edit reached everyone.
  lengths: async () => ({ lengths: clients.map((c) => c.doc.getText('body').length) }),
};

serveRunner({
  handlers,
  setConfig: (c) => {
    config = c;
  },
  closeAll,
});
