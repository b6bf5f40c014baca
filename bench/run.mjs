#!/usr/bin/env node
/**
 * The benchmark table of issue 6: runs the scenarios in order, prints one table (each figure for
 * Affluents and each reference, and Affluents / reference), writes the raw rows to
 * bench/results/<iso>.json. Prints figures; asserts nothing about time.
 *   npm run bench [-- --quick] [-- --only editing,loading] [-- --runs 3]
 * With --runs N the whole list of scenarios runs N times in turn (so Affluents and the references are
 * measured interleaved, never all runs of one server in a row) and the table shows the median of the runs.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { killAll } from './lib/children.mjs';
import { machine } from './lib/proc.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCENARIOS = ['editing', 'loading', 'idle', 'chat', 'two-nodes', 'persistence', 'files'];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : null;
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
  console.error('--runs takes a whole number from 1 to 9');
  process.exit(2);
}
const unknown = only?.filter((s) => !SCENARIOS.includes(s)) ?? [];
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
  process.exit(2);
}

const fmt = (v) =>
  v == null || Number.isNaN(v)
    ? '-'
    : Math.abs(v) >= 100
      ? Math.round(v).toLocaleString('en')
      : v.toFixed(Math.abs(v) >= 10 ? 1 : 2);
const ratio = (a, b) => (a == null || b == null || b === 0 ? '-' : `${(a / b).toFixed(2)}x`);

const COLUMNS = ['affluents', 'ywebsocket', 'hocuspocus', 'relay'];

function median(values) {
  const v = values.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * One row per (scenario, metric), each figure the median over the runs; the notes of every run are kept
 * (deduplicated); the raw JSON keeps every run's rows.
 */
function medianRows(runsOfRows) {
  if (runsOfRows.length === 1) return runsOfRows[0];
  const byKey = new Map();
  for (const rows of runsOfRows) {
    for (const r of rows) {
      const key = `${r.scenario}\u0000${r.metric}`;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(r);
    }
  }
  return [...byKey.values()].map((same) => {
    const out = { ...same[0] };
    for (const c of COLUMNS) out[c] = median(same.map((r) => r[c]));
    const notes = [...new Set(same.map((r) => r.note).filter(Boolean))];
    out.note = notes.length ? notes.join(' | ') : undefined;
    out.runs = same.length;
    out.perRun = Object.fromEntries(COLUMNS.map((c) => [c, same.map((r) => r[c])]));
    return out;
  });
}

function table(rows) {
  const head = [
    'scenario',
    'metric',
    'unit',
    'Affluents',
    'y-websocket-server',
    'Hocuspocus',
    'relay',
    'A/yws',
    'A/hocus',
    'A/relay',
  ];
  const body = rows.map((r) => [
    r.scenario,
    r.metric,
    r.unit,
    fmt(r.affluents),
    fmt(r.ywebsocket),
    fmt(r.hocuspocus),
    fmt(r.relay),
    ratio(r.affluents, r.ywebsocket),
    ratio(r.affluents, r.hocuspocus),
    ratio(r.affluents, r.relay),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const out = [
    line(head),
    `|${widths.map((w, i) => (i < 3 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ];
  for (const b of body) out.push(line(b));
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.scenario} / ${r.metric}: ${r.note}`);
  return [...out, ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}

async function main() {
  const started = new Date();
  const command = `npm run bench --${args.length ? ` ${args.join(' ')}` : ''}`;
  const host = machine();
  const log = (msg) =>
    console.error(`[${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
  const runsOfRows = [];
  const failures = [];
  mkdirSync(path.join(here, 'results'), { recursive: true });
  const partial = path.join(here, 'results', `${started.toISOString().replace(/[:.]/g, '-')}.partial.json`);
  for (let run = 1; run <= runs; run++) {
    const rows = [];
    if (runs > 1) log(`run ${run} of ${runs}`);
    for (const name of SCENARIOS) {
      if (only && !only.includes(name)) continue;
      const file = path.join(here, 'scenarios', `${name}.mjs`);
      if (!existsSync(file)) {
        log(`${name}: no scenarios/${name}.mjs, skipped`);
        continue;
      }
      log(`${name}: start${quick ? ' (quick)' : ''}`);
      try {
        const { default: scenario } = await import(pathToFileURL(file).href);
        rows.push(...(await scenario({ quick, log })));
      } catch (err) {
        // One failing scenario must not hide the others' figures.
        failures.push({ run, scenario: name, error: String(err?.stack ?? err) });
        log(`${name}: FAILED ${err?.stack ?? err}`);
      }
    }
    runsOfRows.push(rows);
    if (run < runs) {
      // A long series that is stopped still leaves the runs done so far.
      writeFileSync(
        partial,
        `${JSON.stringify({ started, runsDone: run, runs, command, runsOfRows, failures }, null, 2)}\n`,
      );
      console.error(table(medianRows(runsOfRows)));
    }
  }
  const rows = medianRows(runsOfRows);
  console.log(
    `\nAffluents benchmarks${quick ? ' (QUICK run: a few seconds per scenario)' : ''}, ${started.toISOString()}${runs > 1 ? `, median of ${runs} interleaved runs` : ''}`,
  );
  console.log(
    `machine: ${host.cpu}, ${host.cores} cores, ${host.ramGiB} GiB RAM, Node ${host.node}, load average at start ${host.loadavg.join(' ')}`,
  );
  console.log(`command: ${command}\n`);
  console.log(table(rows));
  if (failures.length)
    console.log(`\nFailed scenarios: ${failures.map((f) => `${f.scenario} (run ${f.run})`).join(', ')}`);
  const dir = path.join(here, 'results');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    out,
    `${JSON.stringify({ started, finished: new Date(), quick, runs, command, machine: host, rows, runsOfRows, failures }, null, 2)}\n`,
  );
  console.log(`\nraw rows: ${path.relative(process.cwd(), out)}`);
  if (failures.length) process.exitCode = 1;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(killAll);
