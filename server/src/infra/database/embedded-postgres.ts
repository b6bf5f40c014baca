import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** A running embedded PostgreSQL and the URL to reach it over the wire protocol. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL compiled to WASM (PGlite) in `dataDir` (in memory when null) and exposes it on a
 * loopback port, so the app keeps the exact same `pg` driver and migrations as with a real server.
 * PGlite runs one query at a time: the caller must use a pool of one connection, or queries would queue inside the driver.
 */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  // unaccent folds accents in the French full-text search configuration (a migration creates it).
  const extensions = { unaccent };
  let db: PGlite;
  if (dataDir) {
    const folder = path.join(dataDir, 'pglite');
    mkdirSync(folder, { recursive: true });
    db = await PGlite.create({ dataDir: folder, extensions });
  } else {
    db = await PGlite.create({ extensions });
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
