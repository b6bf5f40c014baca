// Starts the built server once for the whole run, with a fresh database: a temporary PostgreSQL database
// when DATABASE_URL is set, else embedded PostgreSQL in a temporary DATA_DIR. The server seeds the demo
// accounts the journeys sign in with. Returns the teardown, which stops the server and drops the database.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CHROMIUM_PATH, clientDist, rootDir, serverLog, serverMain } from './support/settings';

const HEALTH_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end().catch(() => {});
  }
}

function checkPreconditions(): void {
  const index = path.join(clientDist, 'index.html');
  if (!existsSync(serverMain) || !existsSync(index)) {
    throw new Error(
      'browser tests need the built server and client:\n' +
        `  ${existsSync(serverMain) ? 'ok     ' : 'missing'} ${path.relative(rootDir, serverMain)}\n` +
        `  ${existsSync(index) ? 'ok     ' : 'missing'} ${path.relative(rootDir, index)}\n` +
        'Build them first: npx turbo run build --filter=@affluents/server --filter=@affluents/client',
    );
  }
}

async function waitForHealth(child: ChildProcess, port: number, output: string[]): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < HEALTH_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before answering /api/health:\n` +
          output.join('').slice(-6000),
      );
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        console.log(`server: ready on port ${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer GET /api/health with 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  checkPreconditions();
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.REQUIRE_BROWSER === '1')
      throw new Error(`${CHROMIUM_PATH} is missing (REQUIRE_BROWSER=1): install Debian chromium`);
    // The fixtures skip every journey (support/fixtures.ts): nothing to start.
    console.log(`browser tests skipped: ${CHROMIUM_PATH} is missing, install Debian chromium`);
    return async () => {};
  }
  const cleanups: Array<() => Promise<void> | void> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    delete env.DATA_DIR;
    Object.assign(env, {
      PORT: String(port),
      NODE_ENV: 'development',
      CLIENT_DIST: clientDist,
      LOG_LEVEL: 'warn',
      // The server accepts state-changing calls only from its public origin (CSRF check): browse it there.
      PUBLIC_URL: `http://localhost:${port}`,
    });
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      const name = `affluents_e2e_${randomBytes(5).toString('hex')}`;
      await adminQuery(databaseUrl, `CREATE DATABASE ${name}`);
      cleanups.push(() =>
        adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error) =>
          console.error(`could not drop the test database ${name}: ${error.message}`),
        ),
      );
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      console.log(`database: fresh PostgreSQL database ${name}`);
    } else {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'affluents-e2e-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      env.DATA_DIR = dataDir;
      console.log(`database: embedded PostgreSQL in ${dataDir}`);
    }
    if (process.env.REDIS_URL) {
      // A key prefix of its own: rate-limit counters and presence of earlier runs on the same Redis stay apart.
      env.REDIS_KEY_PREFIX = `affluents-e2e-${randomBytes(4).toString('hex')}:`;
    }

    const output: string[] = [];
    mkdirSync(path.dirname(serverLog), { recursive: true });
    const log = createWriteStream(serverLog);
    const child = spawn(process.execPath, [serverMain], {
      cwd: rootDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      output.push(chunk.toString());
      if (output.length > 400) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    cleanups.push(() => new Promise<void>((resolve) => log.end(resolve)));
    cleanups.push(async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    });
    cleanups.push(() => console.log(`server output: ${path.relative(process.cwd(), serverLog)}`));

    await waitForHealth(child, port, output);
    // Read by the fixtures (support/fixtures.ts): the workers inherit the runner's environment.
    process.env.E2E_BASE_URL = `http://localhost:${port}`;
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
