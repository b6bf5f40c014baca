import type { EntityManager } from 'typeorm';

/** What other features need to know about a fiche to act beside it (comments, exports). */
export interface FicheRef {
  id: string;
  groupId: string;
  title: string;
  docName: string;
  status: string;
}

/** One fiche's reference, or null. */
export async function selectFicheRef(manager: EntityManager, id: string): Promise<FicheRef | null> {
  const [row]: FicheRef[] = await manager.query(
    'SELECT id, group_id AS "groupId", title, doc_name AS "docName", status FROM fiches WHERE id = $1',
    [id],
  );
  return row ?? null;
}
