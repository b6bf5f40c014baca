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
