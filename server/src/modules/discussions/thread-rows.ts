import type { FollowLevel, ThreadSummary } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { excerpt } from './message-markdown';

/**
 * Thread summaries with the reading state of the user in `$1`. Unread = last_seq - last_read_seq: the
 * poster's own read position moves to their message, so their own messages never count.
 */
const THREAD_SELECT = `
  SELECT t.id, t.group_id AS "groupId", t.kind, t.title, t.author_id AS "authorId", au.display_name AS "authorName",
         t.status, t.solved_message_id AS "solvedMessageId", t.subject_type AS "subjectType",
         t.subject_id AS "subjectId", f.title AS "ficheTitle", t.pinned, t.locked, t.last_seq AS "lastSeq",
         t.last_change AS "lastChange", t.last_message_at AS "lastMessageAt", t.created_at AS "createdAt",
         (SELECT count(*)::int FROM messages c WHERE c.thread_id = t.id AND c.moved_to_thread_id IS NULL
             AND c.deleted_at IS NULL AND c.hidden_at IS NULL) AS "messageCount",
         (SELECT l.body_text FROM messages l WHERE l.thread_id = t.id AND l.moved_to_thread_id IS NULL
             AND l.deleted_at IS NULL AND l.hidden_at IS NULL ORDER BY l.seq DESC LIMIT 1) AS "lastText",
         coalesce(rd.last_read_seq, 0) AS "lastReadSeq", coalesce(fo.level, 'default') AS follow,
         EXISTS (SELECT 1 FROM polls p WHERE p.thread_id = t.id) AS "hasPoll",
         g.kind AS "groupKind", b.name AS "bassinName"
    FROM threads t
    JOIN users au ON au.id = t.author_id
    JOIN groups g ON g.id = t.group_id
    JOIN bassins b ON b.id = g.bassin_id
    LEFT JOIN fiches f ON t.subject_type = 'fiche' AND f.id = t.subject_id
    LEFT JOIN thread_reads rd ON rd.thread_id = t.id AND rd.user_id = $1
    LEFT JOIN thread_follows fo ON fo.thread_id = t.id AND fo.user_id = $1`;

export interface ThreadRow {
  id: string;
  groupId: string;
  kind: ThreadSummary['kind'];
  title: string;
  authorId: string;
  authorName: string;
  status: ThreadSummary['status'];
  solvedMessageId: string | null;
  subjectType: 'fiche' | 'meeting' | null;
  subjectId: string | null;
  ficheTitle: string | null;
  pinned: boolean;
  locked: boolean;
  lastSeq: number;
  lastChange: number;
  lastMessageAt: Date | null;
  createdAt: Date;
  messageCount: number;
  lastText: string | null;
  lastReadSeq: number;
  follow: FollowLevel;
  hasPoll: boolean;
  groupKind: string;
  bassinName: string;
}

/** The API summary of a row. */
export function toThreadSummary(row: ThreadRow): ThreadSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    kind: row.kind,
    title: row.title,
    author: { id: row.authorId, displayName: row.authorName },
    status: row.status,
    solvedMessageId: row.solvedMessageId,
    subject:
      row.subjectType && row.subjectId
        ? { type: row.subjectType, id: row.subjectId, title: row.ficheTitle ?? row.title }
        : null,
    pinned: row.pinned,
    locked: row.locked,
    lastSeq: row.lastSeq,
    messageCount: row.messageCount,
    lastMessageAt: row.lastMessageAt ? new Date(row.lastMessageAt).toISOString() : null,
    lastMessageExcerpt: row.lastText === null ? null : excerpt(row.lastText),
    createdAt: new Date(row.createdAt).toISOString(),
    unreadCount: Math.max(0, row.lastSeq - row.lastReadSeq),
    lastReadSeq: row.lastReadSeq,
    follow: row.follow,
    hasPoll: row.hasPoll,
  };
}

/** Loads thread rows for `userId` with a WHERE/ORDER clause on alias `t` (params start at $2). */
export function selectThreads(
  manager: EntityManager,
  userId: string,
  clause: string,
  params: unknown[] = [],
): Promise<ThreadRow[]> {
  return manager.query(`${THREAD_SELECT} ${clause}`, [userId, ...params]);
}

/** Threads a subject may see: those of their groups and those they hold a grant on (SQL on alias `t`). */
export const VISIBLE_THREADS = `(t.group_id = ANY($2::uuid[])
  OR EXISTS (SELECT 1 FROM thread_access_grants ga WHERE ga.thread_id = t.id AND ga.user_id = $1))`;

/** A thread's counters: its last sequence number and its last change. */
export async function selectThreadCounters(
  manager: EntityManager,
  threadId: string,
): Promise<{ lastSeq: number; lastChange: number } | null> {
  const [row]: Array<{ lastSeq: number; lastChange: number }> = await manager.query(
    'SELECT last_seq AS "lastSeq", last_change AS "lastChange" FROM threads WHERE id = $1',
    [threadId],
  );
  return row ?? null;
}

/**
 * Moves a user's read position in a thread forward to `seq` (never back, never past its last message);
 * returns the position as stored.
 */
export async function moveReadPosition(
  manager: EntityManager,
  userId: string,
  threadId: string,
  seq: number,
): Promise<number> {
  const [row]: Array<{ seq: number }> = await manager.query(
    `INSERT INTO thread_reads (user_id, thread_id, last_read_seq)
     SELECT $1, t.id, LEAST($3, t.last_seq) FROM threads t WHERE t.id = $2
     ON CONFLICT (user_id, thread_id) DO UPDATE
       SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
     RETURNING last_read_seq AS seq`,
    [userId, threadId, seq],
  );
  return row.seq;
}
