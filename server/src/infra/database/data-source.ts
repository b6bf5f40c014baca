import { DataSource } from 'typeorm';
import type { DatabaseTimeouts } from '../../config/app-config';
import { entities } from './entities';
import { migrations } from './migrations';

/** Without DATABASE_CONNECT_TIMEOUT_MS (embedded database, scripts): how long to wait for a connection. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Builds the TypeORM data source. Schema changes only ever come from migrations (no synchronize).
 * `timeouts` bound each wait for a connection and each query on the client side: a partition (packets
 * dropped, nothing reset) would otherwise hold a request until TCP gives up, minutes later.
 */
export function createDataSource(url: string, poolSize: number, timeouts: DatabaseTimeouts = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: timeouts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      ...(timeouts.queryTimeoutMs ? { query_timeout: timeouts.queryTimeoutMs } : {}),
    },
  });
}
