import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * SELECT 1 straight on the pool with its own read timeout: a query that times out there has its
 * connection dropped from the pool, so a partitioned connection is not kept for the requests after.
 * The embedded database runs in the process (it cannot be partitioned) on its one connection.
 */
export function pingDatabase(dataSource: DataSource, embedded: boolean, timeoutMs: number): Promise<unknown> {
  const pool = (dataSource.driver as { master?: Pool }).master;
  if (!pool || embedded) return dataSource.query('SELECT 1');
  // pg reads query_timeout from the query config too; @types/pg only declares it on the connection.
  return pool.query({ text: 'SELECT 1', query_timeout: timeoutMs } as { text: string });
}
