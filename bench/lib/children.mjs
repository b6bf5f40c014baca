/**
 * Every child process of the benchmark goes through here, so that an error, a Ctrl-C or a normal exit
 * stops them all (no orphan servers or load generators holding ports and memory).
 */
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';

const live = new Set();

function track(child) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills every child still running (SIGKILL: at this point we only want them gone). */
export function killAll() {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {}
  }
  live.clear();
}

process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Spawns a long-running process (a server); its stderr is kept for error messages. */
export function spawnServer(command, args, { env, cwd } = {}) {
  const child = track(
    spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  child.output = '';
  const keep = (chunk) => {
    child.output = (child.output + chunk).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

/** Resolves with the exit code once `child` has exited (immediately if it already has). */
export async function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const [code] = await once(child, 'exit');
  return code;
}

/** Stops a child with SIGTERM, then SIGKILL after `graceMs`; resolves with the time it took (ms). */
export async function stop(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return 0;
  const t0 = performance.now();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
  return performance.now() - t0;
}

/**
 * Forks a load generator (bench/gen/*.mjs) with an IPC channel: the runner sends it commands and it
 * answers with messages; `request(cmd)` resolves with the next answer to that command.
 */
export function forkGenerator(script, config) {
  const child = track(
    fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' }),
  );
  const waiting = new Map();
  child.on('message', (msg) => {
    const resolve = waiting.get(msg.reply);
    waiting.delete(msg.reply);
    resolve?.(msg);
  });
  child.once('exit', (code) => {
    for (const [, resolve] of waiting) resolve({ error: `generator exited with ${code}` });
    waiting.clear();
  });
  const request = (cmd, extra = {}) =>
    new Promise((resolve, reject) => {
      waiting.set(cmd, (msg) => (msg.error ? reject(new Error(msg.error)) : resolve(msg)));
      child.send({ cmd, ...extra });
    });
  child.send({ cmd: 'config', config });
  return { child, request, pid: child.pid };
}
