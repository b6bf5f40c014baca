import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';

/** `node -e RUN_TS <file.ts>` runs a TypeScript entry with an SWC require hook (the Jest transform's options). */
export const RUN_TS = `
const swc = require('@swc/core');
const fs = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', keepClassNames: true, parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(process.argv[1]);
`;

/** Printed by a child node when a promise was left unhandled (then it exits, as Node does by default). */
export const UNHANDLED_MARKER = 'CHILD-NODE-UNHANDLED-REJECTION';

/** A free TCP port of 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The built server's entry (`npx turbo run build --filter=@affluents/server`). */
export const BUILT_MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');

/** A server process a test started. */
export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/collab, what a document provider is given. */
  wsUrl: string;
  child: ChildProcess;
  /** Everything the process printed. */
  output(): string;
  /** Ends the process with `signal` (SIGKILL unless told) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs `node <args>` with `env` and only PATH and PORT besides (nothing inherited), killed if the test
 * process exits first, and resolves once `GET /api/health` answers 200 on 127.0.0.1:`port`; rejects with
 * the process's output when it exits first or after `timeoutMs`.
 */
export async function startServerProcess(
  args: string[],
  options: { port: number; env: Record<string, string>; cwd?: string; timeoutMs?: number },
): Promise<ServerProcess> {
  const { port, env, cwd, timeoutMs = 60_000 } = options;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const server: ServerProcess = {
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    child,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`server on ${port} not answering /api/health after ${timeoutMs} ms:\n${output}`);
    }
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A server node running in a child process (child-node-main.ts), so a crash ends it and not the test. */
export interface ChildNode extends ServerProcess {
  /** Still running, and no promise was left unhandled. */
  alive(): boolean;
}

/**
 * Starts a node on a free port with `env` (on top of a test configuration) and resolves once
 * `GET /api/health` answers 200, or rejects with the node's output after `timeoutMs`.
 */
export async function startChildNode(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildNode> {
  const port = await freePort();
  const server = await startServerProcess(['-e', RUN_TS, path.join(__dirname, 'child-node-main.ts')], {
    port,
    timeoutMs,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
  });
  const { child } = server;
  return {
    ...server,
    alive: () =>
      child.exitCode === null && child.signalCode === null && !server.output().includes(UNHANDLED_MARKER),
  };
}
