import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { itWith } from './support/requires';

const run = promisify(execFile);
const seedJs = path.join(__dirname, '..', 'dist', 'cli', 'seed.js');

/** Runs the built `npm run seed` with `env` only (no inherited configuration); resolves with its output. */
async function seed(env: Record<string, string>): Promise<string> {
  const { stdout, stderr } = await run(process.execPath, [seedJs], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    timeout: 120_000,
  });
  return stdout + stderr;
}

describe('npm run seed (the built command line) on an empty database', () => {
  beforeAll(() => {
    if (!existsSync(seedJs)) throw new Error(`${seedJs} is missing: build the server first`);
  });

  it('loads the demo data into a new embedded database, then leaves it alone', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'affluents-seed-'));
    try {
      expect(await seed({ DATA_DIR: dataDir })).toMatch(/demo data: \d+ bassins/);
      expect(await seed({ DATA_DIR: dataDir })).toContain('La base contient déjà des données');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two runs of the embedded database (WASM) in child processes: about 10 s on an idle machine.
  }, 180_000);

  const withPostgres = itWith(
    ['DATABASE_URL'],
    'loads the demo data into a new PostgreSQL database, with Redis configured',
  );
  withPostgres(
    'loads the demo data into a new PostgreSQL database, with Redis configured',
    async () => {
      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      const name = `affluents_seed_${process.pid}_${Date.now()}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      try {
        const url = new URL(process.env.DATABASE_URL as string);
        url.pathname = `/${name}`;
        const env = {
          DATABASE_URL: url.toString(),
          ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
        };
        expect(await seed(env)).toMatch(/demo data: \d+ bassins/);
        const check = new Client({ connectionString: url.toString() });
        await check.connect();
        const { rows } = await check.query<{ count: string }>('SELECT count(*) FROM users');
        await check.end();
        expect(Number(rows[0].count)).toBeGreaterThan(0);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
    },
    120_000,
  );
});
