/**
 * Drives document clients through one or more generator processes (gen/clients.mjs) and merges what
 * they report. Targets are dealt round-robin so every process holds editors of every document.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkGenerator, stop } from './children.mjs';

const GEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'gen', 'clients.mjs');

/** A generator is the bottleneck when it uses most of a core or its event loop lags. */
export const saturated = (g) => g.cpuCores > 0.85 || g.eldP99Ms > 50;

/**
 * `server` (from startAffluents / startReference), `plan`: [{ docName, token? }] one per client.
 * Returns { connect(), edit(opts), burst(opts), lengths(), close() }, each merged over processes.
 */
export function startLoad(server, plan, { processes = 1, keepSent = false } = {}) {
  const parts = Array.from({ length: processes }, () => []);
  for (const [i, p] of plan.entries()) parts[i % processes].push(p);
  const gens = parts
    .filter((part) => part.length > 0)
    .map((part) =>
      forkGenerator(GEN, {
        keepSent,
        targets: part.map((p) => ({
          url: (p.server ?? server).urlFor(p.docName),
          headers: (p.server ?? server).headersFor(p.token),
          flavour: (p.server ?? server).flavour,
          docName: p.docName,
        })),
      }),
    );
  const all = (cmd, extra) => Promise.all(gens.map((g) => g.request(cmd, extra)));
  return {
    generators: gens.length,
    async connect(opts) {
      const r = await all('connect', opts);
      return { joinMs: r.flatMap((x) => x.joinMs), ms: Math.max(...r.map((x) => x.ms)) };
    },
    async edit(opts) {
      const r = await all('edit', opts);
      const samples = new Float64Array(r.reduce((s, x) => s + x.samples.length, 0));
      let at = 0;
      for (const x of r) {
        samples.set(x.samples, at);
        at += x.samples.length;
      }
      return {
        sent: r.reduce((s, x) => s + x.sent, 0),
        delivered: r.reduce((s, x) => s + x.delivered, 0),
        samples,
        sentTimes: keepSent ? r.flatMap((x) => Array.from(x.sentTimes)) : undefined,
        generators: r.map((x) => ({ cpuCores: x.cpuCores, eldP99Ms: x.eldP99Ms, eldMaxMs: x.eldMaxMs })),
      };
    },
    async burst(opts) {
      const r = await all('burst', opts);
      return {
        sent: r.reduce((s, x) => s + x.sent, 0),
        sentTimes: r.flatMap((x) => Array.from(x.sentTimes)),
      };
    },
    async close() {
      await all('close');
    },
    async exit() {
      await Promise.all(
        gens.map(async (g) => {
          g.child.send({ cmd: 'exit' });
          const timer = setTimeout(() => stop(g.child), 5000);
          await new Promise((r) => (g.child.exitCode !== null ? r() : g.child.once('exit', r)));
          clearTimeout(timer);
        }),
      );
    },
  };
}
