#!/usr/bin/env node
// `npm start`: build what is missing or stale (turbo caches, so a second start only checks), then run the
// server in the foreground with the current environment. No dependencies beyond Node itself.
//
//   npm start                 embedded PostgreSQL in ./data, demo data seeded on first start
//   PORT=4000 npm start       another port
//   npm start -- --no-build   skip the build step (server/dist must exist)
//
// Variables in a .env file at the root (see .env.example) are passed to the server; the environment wins.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverMain = join(root, 'server', 'dist', 'main.js');
const skipBuild = process.argv.includes('--no-build');

const say = (line) => console.log(`[affluents] ${line}`);
const fail = (line, code = 1) => {
  console.error(`[affluents] ${line}`);
  process.exit(code);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(`Node ${process.versions.node} is too old: NestJS 12 needs Node 20.19 or newer.`);
}
if (!existsSync(join(root, 'node_modules', '.bin', 'turbo'))) {
  fail('Dependencies are not installed: run `npm ci` first.');
}

/** Runs a command in the repository root with inherited output; resolves with its exit code. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (error) => fail(`could not run ${command}: ${error.message}`));
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 1)));
  });
}

if (!skipBuild) {
  say('building (turbo reuses its cache: only what changed is rebuilt) ...');
  const started = Date.now();
  // NODE_ENV is left alone here: `NODE_ENV=development vite build` would produce a development bundle.
  const code = await run('npx', ['--no', 'turbo', 'run', 'build', '--output-logs=new-only'], {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
  });
  if (code !== 0) fail(`build failed (exit code ${code})`, code);
  say(`build ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (!existsSync(serverMain)) fail('server/dist/main.js is missing: run `npx turbo run build`.');

const dotenvPath = join(root, '.env');
const dotenv = existsSync(dotenvPath) ? parseEnv(readFileSync(dotenvPath, 'utf8')) : {};
if (existsSync(dotenvPath)) say(`read ${Object.keys(dotenv).length} variable(s) from .env`);
const env = { ...dotenv, ...process.env };
env.NODE_ENV ||= 'development';
const port = env.PORT || '3000';
const database = env.DATABASE_URL
  ? 'PostgreSQL from DATABASE_URL'
  : `embedded PostgreSQL in ${env.DATA_DIR || './data'}`;
const redis = env.REDIS_URL ? 'Redis from REDIS_URL' : 'single node (no Redis)';
say(`starting the server (NODE_ENV=${env.NODE_ENV}, ${database}, ${redis})`);
say(`it will answer on ${env.PUBLIC_URL || `http://localhost:${port}`}; Ctrl-C stops it`);

// The server runs in its own process group so that Ctrl-C reaches it once, through this script, rather than
// twice (once from the terminal, once forwarded), which would cut its graceful shutdown short.
const server = spawn(process.execPath, [serverMain], {
  cwd: root,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
server.on('error', (error) => fail(`could not start the server: ${error.message}`));

// Under `npm start`, one Ctrl-C arrives twice (from the terminal and forwarded by npm): pass it on once. A
// second Ctrl-C later still goes through, and Nest then stops at once.
let lastSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const now = Date.now();
    if (now - lastSignalAt < 1000) return;
    lastSignalAt = now;
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}
// If this script dies for another reason, do not leave an orphan server holding the port.
process.on('exit', () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
});

server.on('exit', (code, signal) => {
  if (signal) say(`server stopped by ${signal}`);
  else if (code !== 0) say(`server exited with code ${code}`);
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
});
