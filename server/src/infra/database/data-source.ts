import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

/** Builds the TypeORM data source. Schema changes only ever come from migrations (no synchronize). */
export function createDataSource(url: string, poolSize: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 10000 },
  });
}
