import type { LinkPreview, Message, ServerEvents } from '@affluents/contracts';
import type { DataSource } from 'typeorm';
import type { RenderedMessage } from './message-markdown';
import { messageFromRow } from './message-rows';
import { preparedQuery } from './prepared-query';

/** The thread's list entry after the batch, as `thread:updated` carries it. */
export type ThreadUpdate = Parameters<ServerEvents['thread:updated']>[0];

/** One post ready to store: checked, rendered; `key` is the caller's handle to find its message again. */
export interface PostRow {
  key: number;
  threadId: string;
  clientId: string;
  authorId: string;
  body: string;
  replyToId?: string;
  rendered: RenderedMessage;
  previews: LinkPreview[];
}

/** The stored messages by key (a row whose thread vanished is missing) and the threads as left. */
export interface InsertedBatch {
  messages: Map<number, Message>;
  threads: ThreadUpdate[];
}

interface InsertedRow {
  key: number;
  id: string;
  seq: number;
  change: number;
  createdAt: string;
  authorName: string;
  replyId: string | null;
  replySeq: number | null;
  replyAuthorId: string | null;
  replyAuthorName: string | null;
  replyText: string | null;
}

type ThreadRow = Omit<ThreadUpdate, 'lastMessageAt'> & { lastMessageAt: string | null };

/**
 * One statement, so one round trip and its own transaction. The thread rows are locked first, in id
 * order: concurrent batches and single posts queue behind each other without deadlock, and sequences
 * stay gapless. Each thread's new counters are numbered back to its requests in key (arrival) order,
 * then the messages, the follows (author and mentioned members; a mute stays) and the authors' read
 * positions are written. Data-modifying CTEs always run to completion, read or not.
 */
const INSERT_SQL = `
  WITH req AS (
    SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                         $8::uuid[], $9::text[], $10::bool[], $11::text[])
                  AS x(key, thread_id, client_id, author_id, body, html, body_text, reply_to_id, mentions,
                       mentions_group, previews)
  ),
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
  ),
  inserted AS (
    INSERT INTO messages (thread_id, seq, change, client_id, author_id, body, html, body_text, reply_to_id,
                          mentions, mentions_group, previews)
    SELECT thread_id, seq, change, client_id, author_id, body, html, body_text, reply_to_id, mentions::uuid[],
           mentions_group, previews::jsonb
      FROM numbered ORDER BY thread_id, seq
    RETURNING id, thread_id, seq, created_at
  ),
  followed AS (
    INSERT INTO thread_follows (user_id, thread_id, level)
    SELECT user_id, thread_id, 'following'
      FROM (SELECT thread_id, author_id AS user_id FROM numbered
            UNION SELECT thread_id, unnest(mentions::uuid[]) FROM numbered) f
     ORDER BY thread_id, user_id
    ON CONFLICT (user_id, thread_id) DO NOTHING
  ),
  read_moved AS (
    INSERT INTO thread_reads (user_id, thread_id, last_read_seq)
    SELECT author_id, thread_id, max(seq) FROM numbered GROUP BY thread_id, author_id ORDER BY thread_id, author_id
    ON CONFLICT (user_id, thread_id) DO UPDATE
      SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
  )
  SELECT
    (SELECT json_agg(json_build_object('id', id, 'groupId', group_id, 'title', title, 'kind', kind,
                                       'pinned', pinned, 'locked', locked, 'status', status,
                                       'lastSeq', last_seq, 'lastMessageAt', last_message_at))
       FROM bumped) AS threads,
    (SELECT json_agg(json_build_object(
              'key', n.key, 'id', ins.id, 'seq', n.seq, 'change', n.change, 'createdAt', ins.created_at,
              'authorName', au.display_name, 'replyId', rm.id, 'replySeq', rm.seq,
              'replyAuthorId', rm.author_id, 'replyAuthorName', ru.display_name,
              'replyText', CASE WHEN rm.deleted_at IS NULL AND rm.hidden_at IS NULL AND rm.moved_to_thread_id IS NULL
                                THEN rm.body_text ELSE '' END))
       FROM inserted ins
       JOIN numbered n ON n.thread_id = ins.thread_id AND n.seq = ins.seq
       JOIN users au ON au.id = n.author_id
       LEFT JOIN messages rm ON rm.id = n.reply_to_id
       LEFT JOIN users ru ON ru.id = rm.author_id) AS messages`;

/** A PostgreSQL array literal of uuids (their characters need no quoting). */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Stores a batch of posts in one statement and gives back their messages as the API shows them (built
 * from what was sent and what the statement returned, without reading them again). Throws when the
 * statement fails (nothing is stored then), e.g. a client id raced by another send.
 */
export async function insertPostBatch(dataSource: DataSource, rows: PostRow[]): Promise<InsertedBatch> {
  if (rows.length === 0) return { messages: new Map(), threads: [] };
  const [result] = await preparedQuery<{ threads: ThreadRow[] | null; messages: InsertedRow[] | null }>(
    dataSource,
    'post-batch-insert',
    INSERT_SQL,
    [
      rows.map((r) => r.key),
      rows.map((r) => r.threadId),
      rows.map((r) => r.clientId),
      rows.map((r) => r.authorId),
      rows.map((r) => r.body),
      rows.map((r) => r.rendered.html),
      rows.map((r) => r.rendered.bodyText),
      rows.map((r) => r.replyToId ?? null),
      rows.map((r) => uuidArray(r.rendered.mentions)),
      rows.map((r) => r.rendered.mentionsGroup),
      rows.map((r) => JSON.stringify(r.previews)),
    ],
  );
  const rowOf = new Map(rows.map((r) => [r.key, r]));
  const messages = new Map<number, Message>();
  for (const stored of result.messages ?? []) {
    const row = rowOf.get(stored.key);
    if (!row) continue;
    messages.set(
      stored.key,
      messageFromRow({
        ...stored,
        threadId: row.threadId,
        clientId: row.clientId,
        authorId: row.authorId,
        body: row.body,
        html: row.rendered.html,
        bodyText: row.rendered.bodyText,
        mentions: row.rendered.mentions,
        mentionsGroup: row.rendered.mentionsGroup,
        previews: row.previews,
        editedAt: null,
        deletedAt: null,
        hiddenAt: null,
        movedToId: null,
        movedToTitle: null,
        reactions: [],
      }),
    );
  }
  const threads = (result.threads ?? []).map((t) => ({
    ...t,
    lastMessageAt: t.lastMessageAt ? new Date(t.lastMessageAt).toISOString() : null,
  }));
  return { messages, threads };
}
