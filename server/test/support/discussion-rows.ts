import type { DataSource } from 'typeorm';
import type { NotificationCauses } from './notification-causes';

/**
 * Threads and messages written with SQL, as the discussions module stores them, and reported on the
 * domain event bus the way its services do: notification tests exercise the notifications module alone.
 */
export function discussionRows(dataSource: DataSource, causes: NotificationCauses) {
  const q = <T>(sql: string, params: unknown[]) => dataSource.query(sql, params) as Promise<T[]>;
  return {
    /** A discussion thread of `groupId` opened by `authorId`. */
    async createThread(groupId: string, title: string, authorId: string): Promise<string> {
      const [row] = await q<{ id: string }>(
        `INSERT INTO threads (group_id, kind, title, author_id) VALUES ($1, 'discussion', $2, $3) RETURNING id`,
        [groupId, title, authorId],
      );
      return row.id;
    },

    /** A message in `threadId` (next sequence number), then its `message.posted` event. */
    async post(
      threadId: string,
      authorId: string,
      text: string,
      extra: { mentions?: string[]; mentionsGroup?: boolean; replyToId?: string } = {},
    ): Promise<{ id: string; seq: number }> {
      // A CTE makes the UPDATE answer like a SELECT (TypeORM returns [rows, count] for a bare UPDATE).
      const [{ seq }] = await q<{ seq: number }>(
        `WITH next AS (UPDATE threads SET last_seq = last_seq + 1, last_change = last_change + 1,
                                          last_message_at = now()
                        WHERE id = $1 RETURNING last_seq)
         SELECT last_seq AS seq FROM next`,
        [threadId],
      );
      const [row] = await q<{ id: string }>(
        `INSERT INTO messages (thread_id, seq, change, client_id, author_id, body, html, body_text, mentions,
                               mentions_group, reply_to_id)
         VALUES ($1, $2, $2, gen_random_uuid()::text, $3, $4, $4, $4, $5::uuid[], $6, $7) RETURNING id`,
        [
          threadId,
          seq,
          authorId,
          text,
          extra.mentions ?? [],
          extra.mentionsGroup ?? false,
          extra.replyToId ?? null,
        ],
      );
      await causes.messagePosted(row.id);
      return { id: row.id, seq };
    },
  };
}
