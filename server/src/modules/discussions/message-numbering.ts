/**
 * How messages are numbered, as SQL shared by every statement that adds messages to threads (a batch of
 * posts, a thread's first message, a moved message). It expects a CTE `req` with a `key` (arrival order)
 * and a `thread_id` per new message, and defines:
 * - `bumped`: each thread of `req`, locked first in id order (concurrent statements queue behind each other
 *   without deadlock), its `last_seq` and `last_change` moved on by its count of new messages and its
 *   `last_message_at` set to now, as left (all its columns the thread list shows);
 * - `numbered`: the rows of `req` with their `seq` and `change`, given in `key` order within each thread,
 *   so sequences stay gapless and never repeat.
 * A thread that no longer exists is in neither: its messages get no number and are not stored.
 */
export const NUMBER_NEW_MESSAGES = `
  counts AS (SELECT thread_id AS id, count(*)::int AS n FROM req GROUP BY thread_id),
  locked AS (SELECT id FROM threads WHERE id IN (SELECT id FROM counts) ORDER BY id FOR UPDATE),
  bumped AS (
    UPDATE threads t
       SET last_seq = t.last_seq + c.n, last_change = t.last_change + c.n, last_message_at = now()
      FROM locked JOIN counts c ON c.id = locked.id
     WHERE t.id = locked.id
    RETURNING t.id, t.group_id, t.title, t.kind, t.pinned, t.locked, t.status, t.last_seq, t.last_change,
              t.last_message_at
  ),
  numbered AS (
    SELECT r.*, b.last_seq - c.n + r.k AS seq, b.last_change - c.n + r.k AS change
      FROM (SELECT req.*, row_number() OVER (PARTITION BY thread_id ORDER BY key)::int AS k FROM req) r
      JOIN bumped b ON b.id = r.thread_id
      JOIN counts c ON c.id = r.thread_id
  )`;

/**
 * Records a change of one message ($2) of a thread ($1), the rule every edit, deletion, reaction, hiding
 * and move follows: the thread's change counter moves on and the message carries the new value, so a
 * client replaying after its last known change finds it.
 */
export const BUMP_CHANGE = `
  WITH bumped AS (UPDATE threads SET last_change = last_change + 1 WHERE id = $1 RETURNING last_change)
  UPDATE messages SET change = (SELECT last_change FROM bumped) WHERE id = $2`;
