import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database for one test file, and how to drop it. */
export interface TestDatabase {
  /** DATABASE_URL for the app, or undefined for an in-memory embedded PostgreSQL. */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * With DATABASE_URL set (CI), creates a fresh database on that server for this test file; without it,
 * the app runs an in-memory embedded PostgreSQL (PGlite), which is just as fresh.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { url: undefined, drop: async () => undefined };
  const name = `affluents_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
