/**
 * How many rows a raw `UPDATE/DELETE ... RETURNING` (TypeORM on PostgreSQL: `[rows, count]`) or an
 * `INSERT ... RETURNING` (rows) touched.
 */
export function affectedRows(result: unknown): number {
  if (!Array.isArray(result)) return 0;
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
