import type { FollowLevel, ThreadSummary } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';
import { excerpt } from './message-markdown';
import type { ThreadUpdate } from './post-batch-insert';
import type { ThreadFacts } from './thread-access';

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
         EXISTS (SELECT 1 FROM poll_cards p WHERE p.thread_id = t.id) AS "hasPoll",
         g.kind AS "groupKind", b.name AS "bassinName"
    FROM threads t
    JOIN user_cards au ON au.id = t.author_id
    JOIN group_cards g ON g.id = t.group_id
    JOIN bassin_cards b ON b.id = g.bassin_id
    LEFT JOIN fiche_cards f ON t.subject_type = 'fiche' AND f.id = t.subject_id
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
    lastMessageAt: toIso(row.lastMessageAt),
    lastMessageExcerpt: row.lastText === null ? null : excerpt(row.lastText),
    createdAt: toIso(row.createdAt),
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

/** A thread's list entry as `thread:updated` carries it, or null when the thread is gone. */
export async function selectThreadUpdate(
  manager: EntityManager,
  threadId: string,
): Promise<ThreadUpdate | null> {
  const [row]: Array<Omit<ThreadUpdate, 'lastMessageAt'> & { lastMessageAt: Date | string | null }> =
    await manager.query(
      `SELECT id, group_id AS "groupId", title, kind, pinned, locked, status, last_seq AS "lastSeq",
              last_message_at AS "lastMessageAt"
         FROM threads WHERE id = $1`,
      [threadId],
    );
  if (!row) return null;
  return { ...row, lastMessageAt: row.lastMessageAt ? new Date(row.lastMessageAt).toISOString() : null };
}

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

/** Threads of a group the caller lists: all of them for a member, those granted to them for anyone else. */
const groupScope = (member: boolean) =>
  member
    ? 't.group_id = $2'
    : 't.group_id = $2 AND EXISTS (SELECT 1 FROM thread_access_grants ga WHERE ga.thread_id = t.id AND ga.user_id = $1)';

/** A page of a group's threads for `userId`: pinned first, then most recent. */
export function selectGroupThreads(
  manager: EntityManager,
  page: {
    userId: string;
    groupId: string;
    member: boolean;
    kind: ThreadSummary['kind'] | null;
    limit: number;
    offset: number;
  },
): Promise<ThreadRow[]> {
  return selectThreads(
    manager,
    page.userId,
    `WHERE ${groupScope(page.member)} ${page.kind ? 'AND t.kind = $3' : 'AND $3::text IS NULL'}
     ORDER BY t.pinned DESC, coalesce(t.last_message_at, t.created_at) DESC, t.id
     LIMIT $4 OFFSET $5`,
    [page.groupId, page.kind, page.limit, page.offset],
  );
}

/** Unread messages of `userId` over the group's threads they list, muted threads left out. */
export async function selectGroupUnread(
  manager: EntityManager,
  scope: { userId: string; groupId: string; member: boolean },
): Promise<number> {
  const [row]: Array<{ total: number }> = await manager.query(
    `SELECT coalesce(sum(GREATEST(t.last_seq - coalesce(rd.last_read_seq, 0), 0)), 0)::int AS total
       FROM threads t
       LEFT JOIN thread_reads rd ON rd.thread_id = t.id AND rd.user_id = $1
       LEFT JOIN thread_follows fo ON fo.thread_id = t.id AND fo.user_id = $1
      WHERE ${groupScope(scope.member)} AND fo.level IS DISTINCT FROM 'muted'`,
    [scope.userId, scope.groupId],
  );
  return row.total;
}

/** One thread as `userId` sees it, or null. */
export async function selectThread(
  manager: EntityManager,
  userId: string,
  threadId: string,
): Promise<ThreadRow | null> {
  const [row] = await selectThreads(manager, userId, 'WHERE t.id = $2', [threadId]);
  return row ?? null;
}

/** The questions about a fiche that `userId` may read (in `groupIds` or granted), newest first. */
export function selectFicheQuestions(
  manager: EntityManager,
  userId: string,
  groupIds: string[],
  ficheId: string,
): Promise<ThreadRow[]> {
  return selectThreads(
    manager,
    userId,
    `WHERE t.kind = 'question' AND t.subject_type = 'fiche' AND t.subject_id = $3 AND ${VISIBLE_THREADS}
     ORDER BY t.created_at DESC, t.id`,
    [groupIds, ficheId],
  );
}

/** Threads with unread messages for `userId` across `groupIds` and their grants, muted ones left out. */
export function selectUnreadThreads(
  manager: EntityManager,
  userId: string,
  groupIds: string[],
): Promise<ThreadRow[]> {
  return selectThreads(
    manager,
    userId,
    `WHERE ${VISIBLE_THREADS} AND t.last_seq > coalesce(rd.last_read_seq, 0) AND fo.level IS DISTINCT FROM 'muted'
     ORDER BY t.last_message_at DESC NULLS LAST, t.id`,
    [groupIds],
  );
}

/** The thread of `groupId` that an author opened with this client id (its first message), if any. */
export async function selectThreadOpenedWith(
  manager: EntityManager,
  first: { authorId: string; clientId: string; groupId: string },
): Promise<string | null> {
  const [row]: Array<{ threadId: string }> = await manager.query(
    `SELECT m.thread_id AS "threadId" FROM messages m JOIN threads t ON t.id = m.thread_id
      WHERE m.author_id = $1 AND m.client_id = $2 AND m.seq = 1 AND t.group_id = $3`,
    [first.authorId, first.clientId, first.groupId],
  );
  return row?.threadId ?? null;
}

/** A thread to insert, before any message. */
export interface NewThread {
  groupId: string;
  kind: ThreadSummary['kind'];
  title: string;
  authorId: string;
  status: ThreadSummary['status'];
  /** What the thread is about: a fiche (its questions, its discussion) or a meeting. */
  about: { type: 'fiche' | 'meeting'; id: string } | null;
}

/** Inserts a thread in the caller's transaction; returns its id. */
export async function insertThread(manager: EntityManager, thread: NewThread): Promise<string> {
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO threads (group_id, kind, title, author_id, status, subject_type, subject_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      thread.groupId,
      thread.kind,
      thread.title,
      thread.authorId,
      thread.status,
      thread.about?.type ?? null,
      thread.about?.id ?? null,
    ],
  );
  return row.id;
}

/**
 * The discussion thread of a fiche, inserted on first use: the unique subject makes concurrent calls
 * agree on one. Returns its id.
 */
export async function ensureFicheThread(
  manager: EntityManager,
  fiche: { id: string; groupId: string; title: string },
  authorId: string,
): Promise<string> {
  await manager.query(
    `INSERT INTO threads (group_id, kind, title, author_id, subject_type, subject_id)
     VALUES ($1, 'discussion', $2, $3, 'fiche', $4)
     ON CONFLICT (subject_type, subject_id) WHERE kind <> 'question' DO NOTHING`,
    [fiche.groupId, fiche.title, authorId, fiche.id],
  );
  const [row]: Array<{ id: string }> = await manager.query(
    `SELECT id FROM threads WHERE subject_type = 'fiche' AND subject_id = $1 AND kind <> 'question'`,
    [fiche.id],
  );
  return row.id;
}

/** What a thread's settings may change; `status` follows `solvedMessageId` (the service decides it). */
export interface ThreadChanges {
  title?: string;
  pinned?: boolean;
  locked?: boolean;
  solved?: { messageId: string | null; status: 'open' | 'solved' };
}

/** Stores the given changes of a thread; false when there was none. */
export async function updateThread(
  manager: EntityManager,
  threadId: string,
  changes: ThreadChanges,
): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [threadId];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (changes.title !== undefined) set('title', changes.title);
  if (changes.pinned !== undefined) set('pinned', changes.pinned);
  if (changes.locked !== undefined) set('locked', changes.locked);
  if (changes.solved) {
    set('solved_message_id', changes.solved.messageId);
    set('status', changes.solved.status);
  }
  if (sets.length === 0) return false;
  await manager.query(`UPDATE threads SET ${sets.join(', ')} WHERE id = $1`, params);
  return true;
}

/** True when the message is in the thread and still shown (not deleted, hidden or moved). */
export async function isShownMessageOf(
  manager: EntityManager,
  threadId: string,
  messageId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM messages WHERE id = $1 AND thread_id = $2
        AND deleted_at IS NULL AND hidden_at IS NULL AND moved_to_thread_id IS NULL`,
    [messageId, threadId],
  );
  return rows.length > 0;
}

/** A thread's facts for access decisions, with `userId`'s grant on it; null when it does not exist. */
export async function selectThreadFacts(
  manager: EntityManager,
  threadId: string,
  userId: string,
): Promise<(ThreadFacts & { grant: 'guest' | 'former_member' | null }) | null> {
  const [row]: Array<ThreadFacts & { grant: 'guest' | 'former_member' | null }> = await manager.query(
    `SELECT t.id, t.group_id AS "groupId", t.kind, t.title, t.author_id AS "authorId", t.locked,
            g.kind AS "grant"
       FROM threads t
       LEFT JOIN thread_access_grants g ON g.thread_id = t.id AND g.user_id = $2
      WHERE t.id = $1`,
    [threadId, userId],
  );
  return row ?? null;
}

/** The facts of each of these threads that exists, with `userId`'s grant on it. */
export async function selectThreadsFacts(
  manager: EntityManager,
  threadIds: readonly string[],
  userId: string,
): Promise<Array<ThreadFacts & { grant: 'guest' | 'former_member' | null }>> {
  const ids = [...new Set(threadIds)];
  if (ids.length === 0) return [];
  return manager.query(
    `SELECT t.id, t.group_id AS "groupId", t.kind, t.title, t.author_id AS "authorId", t.locked,
            g.kind AS "grant"
       FROM threads t
       LEFT JOIN thread_access_grants g ON g.thread_id = t.id AND g.user_id = $2
      WHERE t.id = ANY($1::uuid[])`,
    [ids, userId],
  );
}

/** The group of each of these threads that exists and `userId`'s grant on it, thread id -> them. */
export async function selectThreadsAccessFacts(
  manager: EntityManager,
  threadIds: readonly string[],
  userId: string,
): Promise<Map<string, { groupId: string; grant: ThreadGrant }>> {
  const ids = [...new Set(threadIds)];
  if (ids.length === 0) return new Map();
  const rows: Array<{ id: string; groupId: string; grant: ThreadGrant }> = await manager.query(
    `SELECT t.id, t.group_id AS "groupId", g.kind AS "grant"
       FROM threads t
       LEFT JOIN thread_access_grants g ON g.thread_id = t.id AND g.user_id = $2
      WHERE t.id = ANY($1::uuid[])`,
    [ids, userId],
  );
  return new Map(rows.map((r) => [r.id, { groupId: r.groupId, grant: r.grant }]));
}

/** Each existing thread's group. */
export async function selectThreadGroups(
  manager: EntityManager,
  threadIds: readonly string[],
): Promise<Map<string, string>> {
  if (threadIds.length === 0) return new Map();
  const rows: Array<{ id: string; groupId: string }> = await manager.query(
    'SELECT id, group_id AS "groupId" FROM threads WHERE id = ANY($1::uuid[])',
    [[...new Set(threadIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.groupId]));
}

/** A user's grant on a thread, if any. */
type ThreadGrant = 'guest' | 'former_member' | null;
