import type { PersonRef, ThreadAccessGrant } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';

interface GrantRow {
  userId: string;
  displayName: string;
  kind: ThreadAccessGrant['kind'];
  grantedById: string;
  grantedByName: string;
  createdAt: Date;
}

/** Guests and former members allowed into a thread, oldest grant first. */
export async function selectGrants(manager: EntityManager, threadId: string): Promise<ThreadAccessGrant[]> {
  const rows: GrantRow[] = await manager.query(
    `SELECT g.user_id AS "userId", u.display_name AS "displayName", g.kind, g.granted_by_id AS "grantedById",
            gb.display_name AS "grantedByName", g.created_at AS "createdAt"
       FROM thread_access_grants g JOIN user_cards u ON u.id = g.user_id JOIN user_cards gb ON gb.id = g.granted_by_id
      WHERE g.thread_id = $1 ORDER BY g.created_at`,
    [threadId],
  );
  return rows.map((r) => ({
    userId: r.userId,
    displayName: r.displayName,
    kind: r.kind,
    grantedBy: { id: r.grantedById, displayName: r.grantedByName },
    createdAt: toIso(r.createdAt),
  }));
}

/** People who wrote in a thread of `groupId`, are no longer members of it and hold no grant on the thread. */
export function selectFormerParticipants(
  manager: EntityManager,
  threadId: string,
  groupId: string,
): Promise<PersonRef[]> {
  return manager.query(
    `SELECT DISTINCT u.id, u.display_name AS "displayName"
       FROM messages m JOIN user_cards u ON u.id = m.author_id
      WHERE m.thread_id = $1
        AND NOT EXISTS (SELECT 1 FROM group_members ms WHERE ms.user_id = u.id AND ms.group_id = $2)
        AND NOT EXISTS (SELECT 1 FROM thread_access_grants g WHERE g.thread_id = $1 AND g.user_id = u.id)
      ORDER BY u.display_name`,
    [threadId, groupId],
  );
}

/** Whether a user is a member of the thread's group and has posted in the thread; null for no such user. */
export async function selectGrantCandidate(
  manager: EntityManager,
  userId: string,
  thread: { id: string; groupId: string },
): Promise<{ member: boolean; posted: boolean } | null> {
  const [row]: Array<{ member: boolean; posted: boolean }> = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM group_members WHERE user_id = u.id AND group_id = $2) AS member,
            EXISTS (SELECT 1 FROM messages WHERE author_id = u.id AND thread_id = $3) AS posted
       FROM user_cards u WHERE u.id = $1`,
    [userId, thread.groupId, thread.id],
  );
  return row ?? null;
}

/** Lets a user into one thread (a guest) or lets a former member keep reading it: the one write of a grant. */
export async function upsertGrant(
  manager: EntityManager,
  threadId: string,
  userId: string,
  kind: ThreadAccessGrant['kind'],
  grantedById: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO thread_access_grants (thread_id, user_id, kind, granted_by_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (thread_id, user_id) DO UPDATE SET kind = EXCLUDED.kind, granted_by_id = EXCLUDED.granted_by_id`,
    [threadId, userId, kind, grantedById],
  );
}

/** Withdraws a user's grant on a thread (of `kind` only, when given). */
export async function deleteGrant(
  manager: EntityManager,
  threadId: string,
  userId: string,
  kind?: ThreadAccessGrant['kind'],
): Promise<void> {
  await manager.query(
    'DELETE FROM thread_access_grants WHERE thread_id = $1 AND user_id = $2 AND ($3::text IS NULL OR kind = $3)',
    [threadId, userId, kind ?? null],
  );
}

/** The grant kinds some users hold on some threads, in one query. */
export async function selectThreadGrantKinds(
  manager: EntityManager,
  threadIds: readonly string[],
  userIds: readonly string[],
): Promise<Array<{ threadId: string; userId: string; kind: ThreadAccessGrant['kind'] }>> {
  if (threadIds.length === 0 || userIds.length === 0) return [];
  return manager.query(
    `SELECT thread_id AS "threadId", user_id AS "userId", kind FROM thread_access_grants
      WHERE thread_id = ANY($1::uuid[]) AND user_id = ANY($2::uuid[])`,
    [[...new Set(threadIds)], [...new Set(userIds)]],
  );
}
