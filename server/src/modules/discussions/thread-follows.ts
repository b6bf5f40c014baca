import type { FollowLevel } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Who a new message makes follow its thread: its author, the members it mentions (already resolved
 * against the group) and `also` (a new thread's followers), each once, in a stable order.
 */
export function postFollowers(authorId: string, mentions: string[], also: string[] = []): string[] {
  return [...new Set([authorId, ...mentions, ...also])];
}

/**
 * The follow rule as SQL, for the statements that make people follow a thread (posts, edits): each
 * `(thread_id, user_id)` of the query `pairs` follows its thread, unless that person already chose a level
 * for it (a mute stays muted). Rows go in thread then user order, so concurrent statements lock them in one
 * order.
 */
export const followThreads = (pairs: string) => `
  INSERT INTO thread_follows (user_id, thread_id, level)
  SELECT DISTINCT user_id, thread_id, 'following'::text FROM (${pairs}) AS p(thread_id, user_id)
   ORDER BY thread_id, user_id
  ON CONFLICT (user_id, thread_id) DO NOTHING`;

/** Sets a user's follow level on a thread (`following`, `muted`), or returns them to the default. */
export async function setFollowLevel(
  manager: EntityManager,
  userId: string,
  threadId: string,
  follow: FollowLevel,
): Promise<void> {
  if (follow === 'default') {
    await manager.query('DELETE FROM thread_follows WHERE user_id = $1 AND thread_id = $2', [
      userId,
      threadId,
    ]);
    return;
  }
  await manager.query(
    `INSERT INTO thread_follows (user_id, thread_id, level) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, thread_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
    [userId, threadId, follow],
  );
}

/** Followers and muters of several threads in one query: thread id -> them. */
export async function selectThreadFollows(
  manager: EntityManager,
  threadIds: readonly string[],
): Promise<Map<string, { following: string[]; muted: string[] }>> {
  const ids = [...new Set(threadIds)];
  const answer = new Map(ids.map((id) => [id, { following: [] as string[], muted: [] as string[] }]));
  if (ids.length === 0) return answer;
  const rows: Array<{ threadId: string; userId: string; level: 'following' | 'muted' }> = await manager.query(
    'SELECT thread_id AS "threadId", user_id AS "userId", level FROM thread_follows WHERE thread_id = ANY($1::uuid[])',
    [ids],
  );
  for (const r of rows) answer.get(r.threadId)?.[r.level].push(r.userId);
  return answer;
}

/** The members of a group who follow every new thread of it. */
export async function selectNewThreadFollowers(manager: EntityManager, groupId: string): Promise<string[]> {
  const rows: Array<{ userId: string }> = await manager.query(
    `SELECT s.user_id AS "userId" FROM group_member_settings s
       JOIN group_members m ON m.user_id = s.user_id AND m.group_id = s.group_id
      WHERE s.group_id = $1 AND s.follow_all_new_threads`,
    [groupId],
  );
  return rows.map((r) => r.userId);
}

/** Whether a member follows every new thread of a group (false until they chose). */
export async function selectFollowsAllNewThreads(
  manager: EntityManager,
  groupId: string,
  userId: string,
): Promise<boolean> {
  const [row]: Array<{ followAllNewThreads: boolean }> = await manager.query(
    `SELECT follow_all_new_threads AS "followAllNewThreads" FROM group_member_settings
      WHERE group_id = $1 AND user_id = $2`,
    [groupId, userId],
  );
  return row?.followAllNewThreads ?? false;
}

/** Stores whether a member follows every new thread of a group. */
export async function saveFollowsAllNewThreads(
  manager: EntityManager,
  groupId: string,
  userId: string,
  on: boolean,
): Promise<void> {
  await manager.query(
    `INSERT INTO group_member_settings (group_id, user_id, follow_all_new_threads) VALUES ($1, $2, $3)
     ON CONFLICT (group_id, user_id) DO UPDATE SET follow_all_new_threads = EXCLUDED.follow_all_new_threads`,
    [groupId, userId, on],
  );
}
