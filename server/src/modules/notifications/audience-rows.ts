import type { Subject } from '@affluents/contracts';

/** Anything that runs SQL: the DataSource, or a transaction's EntityManager (embedded mode has one connection). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Policy subjects of those of `ids` whose account is active (disabled accounts are left out), built like
 * UserDirectory.subjectOf (memberships of groups not archived), in one query.
 */
export async function selectActiveSubjects(db: Queryable, ids: string[]): Promise<Map<string, Subject>> {
  const rows = (await db.query(
    `SELECT u.id, u.platform_role AS "platformRole",
              COALESCE(json_agg(json_build_object('groupId', m.group_id, 'role', m.role))
                       FILTER (WHERE m.group_id IS NOT NULL), '[]') AS memberships
         FROM users u
         LEFT JOIN (SELECT ms.user_id, ms.group_id, ms.role FROM memberships ms
                      JOIN groups g ON g.id = ms.group_id AND g.archived_at IS NULL) m ON m.user_id = u.id
        WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL
        GROUP BY u.id`,
    [ids],
  )) as Array<{ id: string; platformRole: Subject['platformRole']; memberships: unknown }>;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        userId: r.id,
        platformRole: r.platformRole,
        memberships: (typeof r.memberships === 'string'
          ? JSON.parse(r.memberships)
          : r.memberships) as Subject['memberships'],
      },
    ]),
  );
}

/** The grant kinds some users hold on some threads. */
export async function selectThreadGrantKinds(
  db: Queryable,
  threadIds: string[],
  userIds: string[],
): Promise<Array<{ threadId: string; userId: string; kind: 'guest' | 'former_member' }>> {
  return (await db.query(
    `SELECT thread_id AS "threadId", user_id AS "userId", kind FROM thread_access_grants
      WHERE thread_id = ANY($1::uuid[]) AND user_id = ANY($2::uuid[])`,
    [threadIds, userIds],
  )) as Array<{ threadId: string; userId: string; kind: 'guest' | 'former_member' }>;
}
