import type { EntityManager } from 'typeorm';

/**
 * Records the mentions of existing accounts in the text of the fiche owning `docName`: for each one seen
 * for the first time, the fiche (id, group, title) and the user mentioned.
 */
export async function insertFirstMentions(
  manager: EntityManager,
  docName: string,
  userIds: string[],
): Promise<Array<{ id: string; groupId: string; title: string; userId: string }>> {
  return manager.query(
    `WITH fiche AS (SELECT id, group_id, title FROM fiche_cards WHERE doc_name = $1),
            recorded AS (
              INSERT INTO fiche_text_mentions (fiche_id, user_id)
              SELECT f.id, u.id FROM fiche f JOIN user_cards u ON u.id = ANY($2::uuid[])
              ON CONFLICT (fiche_id, user_id) DO NOTHING
              RETURNING fiche_id, user_id)
       SELECT f.id, f.group_id AS "groupId", f.title, r.user_id AS "userId"
         FROM recorded r JOIN fiche f ON f.id = r.fiche_id`,
    [docName, userIds],
  );
}
