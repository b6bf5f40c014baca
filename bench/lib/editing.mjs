/**
 * One editing run (scenario 1, reused by scenario 5): C clients over D documents, each inserting a
 * timestamped string at a steady rate; measures propagation latency to every other editor, updates
 * delivered per second, and the server processes' CPU and RSS over the editing window.
 */
import { saturated, startLoad } from './load.mjs';
import { cpuMs, rssKiB } from './proc.mjs';
import { planClients } from './servers.mjs';
import { summarize } from './stats.mjs';

/** `up` from bringUp; cfg: { clients, rate, durationMs, processes }. */
export async function runEditing(up, cfg) {
  const load = startLoad(up.servers[0], planClients(up, cfg.clients), { processes: cfg.processes });
  try {
    await load.connect();
    const pids = up.servers.map((s) => s.pid);
    const cpu0 = pids.reduce((s, p) => s + cpuMs(p), 0);
    const t0 = performance.now();
    const result = await load.edit({ rate: cfg.rate, durationMs: cfg.durationMs });
    // The window includes the drain second: deliveries still in flight cost the server CPU too.
    const wall = performance.now() - t0;
    const cpu = pids.reduce((s, p) => s + cpuMs(p), 0) - cpu0;
    const rss = pids.reduce((s, p) => s + rssKiB(p), 0);
    const latency = summarize(result.samples);
    const editorsPerDoc = cfg.clients / up.docNames.length;
    return {
      ...latency,
      sent: result.sent,
      // Edits delivered, counted by their stamps (a server may carry several edits in one message).
      delivered: latency.count,
      messages: result.delivered,
      // Every edit should reach every other editor of its document.
      expected: Math.round(result.sent * (editorsPerDoc - 1)),
      deliveredPerSec: latency.count / (cfg.durationMs / 1000),
      serverCores: cpu / wall,
      cpuUsPerUpdate: latency.count ? (cpu * 1000) / latency.count : null,
      rssMiB: rss / 1024,
      generators: result.generators,
      generatorBound: result.generators.some(saturated),
    };
  } finally {
    await load.exit();
  }
}
