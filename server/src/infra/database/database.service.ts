import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { createDataSource } from './data-source';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

/** An open database: the data source plus the embedded server to stop with it, if any. */
export interface OpenDatabase {
  dataSource: DataSource;
  mode: 'postgres' | 'embedded';
  close(): Promise<void>;
}

/**
 * Opens the configured database and applies pending migrations. With no DATABASE_URL, starts an
 * embedded PostgreSQL in DATA_DIR and uses a pool of exactly one connection (PGlite
 * serialises queries, and a transaction waiting on a second pooled connection would hang).
 */
export async function openDatabase(config: AppConfig['database']): Promise<OpenDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let dataSource: DataSource;
  if (config.mode === 'postgres') {
    // A migration may rewrite a large table: it runs on its own connection, without the query bound.
    const migrator = createDataSource(config.url, 1, { connectTimeoutMs: config.connectTimeoutMs });
    try {
      await migrator.initialize();
      await migrator.runMigrations({ transaction: 'each' });
    } finally {
      if (migrator.isInitialized) await migrator.destroy();
    }
    dataSource = createDataSource(config.url, config.poolSize, config);
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir);
    dataSource = createDataSource(embedded.url, 1);
  }
  try {
    await dataSource.initialize();
    if (embedded) await dataSource.runMigrations({ transaction: 'each' });
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    mode: config.mode,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
