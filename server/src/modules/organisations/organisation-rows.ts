import type { EntityManager } from 'typeorm';

/** Whether a bassin (archived ones too) has this id: read in the bassins module's published view. */
export async function selectBassinExists(manager: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM bassin_cards WHERE id = $1', [id]);
  return rows.length > 0;
}
