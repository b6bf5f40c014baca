import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const mainJs = path.join(__dirname, '..', 'dist', 'main.js');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy in time');
}

describe('the built server with no configuration at all', () => {
  let child: ChildProcess;
  let dir: string;
  let output = '';
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts embedded PostgreSQL in ./data, seeds the demo and signs a persona in', async () => {
    expect(existsSync(mainJs)).toBe(true);
    dir = mkdtempSync(path.join(tmpdir(), 'affluents-smoke-'));
    const port = await freePort();
    // Only PATH and a free PORT (3000 may be taken on a developer's machine): no database, no Redis.
    child = spawn(process.execPath, [mainJs], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, child, 60000);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { mode: unknown };
    expect(health.mode).toEqual({ database: 'embedded', redis: 'single-node' });
    expect(existsSync(path.join(dir, 'data', 'pglite'))).toBe(true);
    expect(output).toContain('embedded PostgreSQL');
    expect(output).toContain('amina');

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amina@affluents.test', password: 'affluents-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const bassins = (await (await fetch(`${base}/api/bassins`, { headers: { cookie } })).json()) as unknown[];
    expect(bassins).toHaveLength(9);
  }, 90000);
});
