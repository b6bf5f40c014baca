import type { AttachedFile, LinkPreview, Message, ServerEvents } from '@affluents/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { RenderedMessage } from './message-markdown';
import { NUMBER_NEW_MESSAGES } from './message-numbering';
import { messageFromRow } from './message-rows';
import { preparedQuery } from './prepared-query';
import { followThreads } from './thread-follows';

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
  /** The files it carries (checked: uploaded to its thread by its author). */
  files: AttachedFile[];
  /** Who follows the thread after this post (`postFollowers`). */
  followers: string[];
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
 * One statement, so one round trip and its own transaction (or a part of the caller's). The messages are
 * numbered by the shared rule (threads locked in id order, counters moved on, arrival order within each
 * thread), then the messages, the follows (see `postFollowers`; a mute stays) and the authors' read
 * positions are written. Data-modifying CTEs always run to completion, read or not.
 */
const INSERT_SQL = `
  WITH req AS (
    SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                         $8::uuid[], $9::text[], $10::bool[], $11::text[], $12::text[], $13::text[])
                  AS x(key, thread_id, client_id, author_id, body, html, body_text, reply_to_id, mentions,
                       mentions_group, previews, followers, files)
  ),
  ${NUMBER_NEW_MESSAGES},
  inserted AS (
    INSERT INTO messages (thread_id, seq, change, client_id, author_id, body, html, body_text, reply_to_id,
                          mentions, mentions_group, previews, files)
    SELECT thread_id, seq, change, client_id, author_id, body, html, body_text, reply_to_id, mentions::uuid[],
           mentions_group, previews::jsonb, files::jsonb
      FROM numbered ORDER BY thread_id, seq
    RETURNING id, thread_id, seq, created_at
  ),
  followed AS (${followThreads('SELECT thread_id, unnest(followers::uuid[]) FROM numbered')}),
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
       JOIN user_cards au ON au.id = n.author_id
       LEFT JOIN messages rm ON rm.id = n.reply_to_id
       LEFT JOIN user_cards ru ON ru.id = rm.author_id) AS messages`;

/** A PostgreSQL array literal of uuids (their characters need no quoting). */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Stores a batch of posts in one statement and gives back their messages as the API shows them (built
 * from what was sent and what the statement returned, without reading them again). Throws when the
 * statement fails (nothing is stored then), e.g. a client id raced by another send. With `manager`, the
 * statement runs inside the caller's transaction.
 */
export async function insertPostBatch(
  dataSource: DataSource,
  rows: PostRow[],
  manager?: EntityManager,
): Promise<InsertedBatch> {
  if (rows.length === 0) return { messages: new Map(), threads: [] };
  const [result] = await preparedQuery<{ threads: ThreadRow[] | null; messages: InsertedRow[] | null }>(
    manager ?? dataSource,
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
      rows.map((r) => uuidArray(r.followers)),
      rows.map((r) => JSON.stringify(r.files)),
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
        files: row.files,
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
