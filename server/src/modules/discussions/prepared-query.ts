import { DataSource, type EntityManager } from 'typeorm';

/** The part of node-postgres's pool used here (TypeORM's PostgreSQL driver keeps it as `master`). */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement as a named prepared statement: PostgreSQL parses and plans it once per connection
 * (then keeps a generic plan) instead of at every call. Worth it for the large statements of a batch of
 * posts, whose planning cost more than their execution for small batches. Same pool and type parsing as
 * `dataSource.query`; falls back to it for a driver without a pg pool. Given an entity manager (a caller's
 * transaction), runs the statement on its connection, unprepared.
 */
export async function preparedQuery<Row>(
  dataSource: DataSource | EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  if (!(dataSource instanceof DataSource)) return dataSource.query(text, values);
  const pool = (dataSource.driver as { master?: PgPool }).master;
  if (typeof pool?.query !== 'function') return dataSource.query(text, values);
  return (await pool.query({ name, text, values })).rows as Row[];
}
