/**
 * Affluents as shipped: the built server (server/dist/main.js) as a child process, on a fresh
 * PostgreSQL database created for the run (dropped at the end) and the machine's Redis under a random
 * key prefix, with authenticated connections. Users, memberships, sessions and fiches are written with
 * SQL after the server has migrated the database: a thousand argon2 sign-ins would measure argon2.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { spawnServer, stop } from './children.mjs';
import { freePort, waitFor } from './net.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = path.join(root, 'server', 'dist', 'main.js');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database and Redis prefix, shared by the Affluents nodes of one scenario:
 * { url, query(sql, params), drop() }.
 */
export async function createBenchDatabase() {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: run "npx turbo run build" first`);
  const name = `affluents_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  return {
    name,
    url: url.toString(),
    redisPrefix: `bench-${randomBytes(4).toString('hex')}:`,
    query: (sql, params) => pool.query(sql, params).then((r) => r.rows),
    drop: async () => {
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Starts one Affluents node on `db`; resolves once /api/health answers (migrations done) with
 * { pid, child, publicUrl, flavour, urlFor(docName), headersFor(token), stop() }.
 */
export async function startAffluents(db, { redis = true, env = {}, main = MAIN } = {}) {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under test.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawnServer(process.execPath, [...nodeArgs, main], {
    cwd: path.dirname(path.dirname(main)),
    env: {
      // development: production needs the client build and the benchmark does not serve pages.
      NODE_ENV: 'development',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: publicUrl,
      DATABASE_URL: db.url,
      ...(redis ? { REDIS_URL, REDIS_KEY_PREFIX: db.redisPrefix } : { REDIS_URL: '' }),
      ...env,
    },
  });
  await waitFor(
    async () => (await fetch(`${publicUrl}/api/health`)).ok,
    child,
    'Affluents did not start',
    120_000,
  );
  return {
    key: 'affluents',
    label: 'Affluents',
    pid: child.pid,
    child,
    publicUrl,
    flavour: 'yws',
    urlFor: (docName) => `ws://127.0.0.1:${port}/collab/${encodeURIComponent(docName)}`,
    headersFor: (token) => ({ Cookie: `affluents_session=${token}`, Origin: publicUrl }),
    stop: () => stop(child, 30_000),
  };
}

/**
 * Creates `users` members of one group (each with a session token) and `fiches` fiches of that group,
 * all in SQL. Returns { tokens: string[], docNames: string[] }: user i connects with tokens[i].
 */
export async function seedBench(db, { users, fiches }) {
  const tag = randomBytes(3).toString('hex');
  const [{ id: bassinId }] = await db.query(`INSERT INTO bassins (name, slug) VALUES ($1, $1) RETURNING id`, [
    `bench-${tag}`,
  ]);
  const [{ id: groupId }] = await db.query(
    `INSERT INTO groups (bassin_id, kind) VALUES ($1, 'social_workers') RETURNING id`,
    [bassinId],
  );
  // The password hash is never checked: these users only ever present a session cookie.
  const userRows = await db.query(
    `INSERT INTO users (email, display_name, password_hash)
       SELECT 'bench-' || $1 || '-' || i || '@bench.test', 'Bench ' || i, 'x' FROM generate_series(1, $2) i
     RETURNING id`,
    [tag, users],
  );
  const ids = userRows.map((r) => r.id);
  await db.query(
    `INSERT INTO memberships (user_id, group_id, role) SELECT u, $2, 'member' FROM unnest($1::uuid[]) u`,
    [ids, groupId],
  );
  const tokens = ids.map(() => randomBytes(32).toString('base64url'));
  // token_hash as server/src/common/auth/tokens.ts hashToken: sha256 hex of the token.
  await db.query(
    `INSERT INTO auth_sessions (user_id, token_hash, expires_at)
       SELECT u, encode(sha256(convert_to(t, 'UTF8')), 'hex'), now() + interval '1 day'
       FROM unnest($1::uuid[], $2::text[]) AS x(u, t)`,
    [ids, tokens],
  );
  const ficheRows = await db.query(
    `INSERT INTO fiches (title, group_id, doc_name, created_by_id)
       SELECT 'Bench ' || i, $1, 'fiche:' || gen_random_uuid(), $2 FROM generate_series(1, $3) i
     RETURNING doc_name`,
    [groupId, ids[0], fiches],
  );
  return { tokens, docNames: ficheRows.map((r) => r.doc_name) };
}
