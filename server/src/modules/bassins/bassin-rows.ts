import type { EntityManager } from 'typeorm';

/** The bassin slugs already taken among `base` and `base-…`. */
export async function selectTakenSlugs(manager: EntityManager, base: string): Promise<Set<string>> {
  const rows: Array<{ slug: string }> = await manager.query(
    'SELECT slug FROM bassins WHERE slug = $1 OR slug LIKE $2',
    [base, `${base}-%`],
  );
  return new Set(rows.map((r) => r.slug));
}

/** A bassin's name, or null. */
export async function selectBassinName(manager: EntityManager, id: string): Promise<string | null> {
  const [row]: Array<{ name: string }> = await manager.query('SELECT name FROM bassins WHERE id = $1', [id]);
  return row?.name ?? null;
}
