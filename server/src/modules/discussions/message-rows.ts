import {
  type AttachedFile,
  isAllowedHref,
  type LinkPreview,
  type Message,
  type MessageRevision,
} from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../common/database-errors';
import { notFound } from '../../common/errors/app-error';
import { toIso } from '../../infra/database/timestamps';
import type { RenderedMessage } from './message-markdown';
import { excerpt } from './message-markdown';
import { BUMP_CHANGE, NUMBER_NEW_MESSAGES } from './message-numbering';
import { followThreads } from './thread-follows';

/** Columns of one message as the API shows it: author, reply, move marker and reactions in one row. */
const MESSAGE_SELECT = `
  SELECT m.id, m.thread_id AS "threadId", m.seq, m.change, m.client_id AS "clientId",
         m.author_id AS "authorId", au.display_name AS "authorName", m.body, m.html, m.body_text AS "bodyText",
         m.mentions, m.mentions_group AS "mentionsGroup", m.previews, m.files, m.created_at AS "createdAt",
         m.edited_at AS "editedAt", m.deleted_at AS "deletedAt", m.hidden_at AS "hiddenAt",
         m.moved_to_thread_id AS "movedToId", mt.title AS "movedToTitle",
         r.id AS "replyId", r.seq AS "replySeq", r.author_id AS "replyAuthorId", ru.display_name AS "replyAuthorName",
         CASE WHEN r.deleted_at IS NULL AND r.hidden_at IS NULL AND r.moved_to_thread_id IS NULL
              THEN r.body_text ELSE '' END AS "replyText",
         coalesce((SELECT json_agg(json_build_object('emoji', x.emoji, 'count', x.n, 'userIds', x.ids) ORDER BY x.first)
                     FROM (SELECT emoji, count(*)::int AS n, array_agg(user_id ORDER BY created_at) AS ids,
                                  min(created_at) AS first
                             FROM message_reactions WHERE message_id = m.id GROUP BY emoji) x), '[]') AS reactions
    FROM messages m
    JOIN user_cards au ON au.id = m.author_id
    LEFT JOIN threads mt ON mt.id = m.moved_to_thread_id
    LEFT JOIN messages r ON r.id = m.reply_to_id
    LEFT JOIN user_cards ru ON ru.id = r.author_id`;

/** One message's columns as MESSAGE_SELECT reads them (timestamps as dates or ISO strings). */
export interface MessageRow {
  id: string;
  threadId: string;
  seq: number;
  change: number;
  clientId: string;
  authorId: string;
  authorName: string;
  body: string;
  html: string;
  bodyText: string;
  mentions: string[];
  mentionsGroup: boolean;
  previews: LinkPreview[];
  files: AttachedFile[];
  createdAt: Date | string;
  editedAt: Date | string | null;
  deletedAt: Date | string | null;
  hiddenAt: Date | string | null;
  movedToId: string | null;
  movedToTitle: string | null;
  replyId: string | null;
  replySeq: number | null;
  replyAuthorId: string | null;
  replyAuthorName: string | null;
  replyText: string | null;
  reactions: Message['reactions'];
}

/** The API shape of a stored row; deleted, hidden and moved messages lose their text for everyone. */
export function messageFromRow(row: MessageRow): Message {
  const gone = row.deletedAt !== null || row.hiddenAt !== null || row.movedToId !== null;
  return {
    id: row.id,
    threadId: row.threadId,
    seq: row.seq,
    change: row.change,
    clientId: row.clientId,
    author: { id: row.authorId, displayName: row.authorName },
    body: gone ? '' : row.body,
    html: gone ? '' : row.html,
    replyTo:
      row.replyId && row.replyAuthorId
        ? {
            id: row.replyId,
            seq: row.replySeq ?? 0,
            author: { id: row.replyAuthorId, displayName: row.replyAuthorName ?? '' },
            excerpt: excerpt(row.replyText ?? '', 120),
          }
        : null,
    mentions: gone ? [] : row.mentions,
    mentionsGroup: gone ? false : row.mentionsGroup,
    reactions: gone ? [] : row.reactions,
    // Previews stored before the link rule existed may hold a data: link: the rule applies on the way out too.
    previews: gone ? [] : row.previews.filter((p) => isAllowedHref(p.url)),
    // A deleted or hidden message hides its files too (FilesService refuses them as well).
    files: gone ? [] : row.files,
    createdAt: toIso(row.createdAt),
    editedAt: toIso(row.editedAt),
    deletedAt: toIso(row.deletedAt),
    hiddenAt: toIso(row.hiddenAt),
    movedTo: row.movedToId ? { threadId: row.movedToId, title: row.movedToTitle ?? '' } : null,
  };
}

/** Loads messages with a WHERE/ORDER clause on alias `m` (parameters are positional). */
export async function selectMessages(
  manager: EntityManager,
  clause: string,
  params: unknown[],
): Promise<Message[]> {
  const rows: MessageRow[] = await manager.query(`${MESSAGE_SELECT} ${clause}`, params);
  return rows.map(messageFromRow);
}

/** One message by id, or null. */
export async function selectMessage(manager: EntityManager, id: string): Promise<Message | null> {
  const [message] = await selectMessages(manager, 'WHERE m.id = $1', [id]);
  return message ?? null;
}

/** What the rules of a change need to know about one stored message. */
export interface MessageRef {
  id: string;
  threadId: string;
  authorId: string;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  movedToId: string | null;
  body: string;
}

/** One message's facts for a change, or null. */
export async function selectMessageRef(manager: EntityManager, id: string): Promise<MessageRef | null> {
  const [row]: MessageRef[] = await manager.query(
    `SELECT id, thread_id AS "threadId", author_id AS "authorId", deleted_at AS "deletedAt", hidden_at AS "hiddenAt",
            moved_to_thread_id AS "movedToId", body
       FROM messages WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

/** True when `err` is a second message stored under an author's client id (a raced resend). */
export function isClientIdTaken(err: unknown): boolean {
  const e = err as { constraint?: string; driverError?: { constraint?: string } } | null;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return isUniqueViolation(err) && (name === undefined || name === 'messages_author_id_client_id_key');
}

/** Ids of the members of a group, whose mentions a message keeps. */
export async function selectGroupMemberIds(manager: EntityManager, groupId: string): Promise<Set<string>> {
  const rows: Array<{ userId: string }> = await manager.query(
    'SELECT user_id AS "userId" FROM group_members WHERE group_id = $1',
    [groupId],
  );
  return new Set(rows.map((r) => r.userId));
}

/** A message's new text, rendered: the previous text becomes a revision and mentioned members follow. */
export interface MessageEdit {
  messageId: string;
  threadId: string;
  previousBody: string;
  body: string;
  rendered: RenderedMessage;
  previews: LinkPreview[];
}

/** Stores an edit in the caller's transaction (revision, new text, follows, change counter). */
export async function updateMessageBody(manager: EntityManager, edit: MessageEdit): Promise<void> {
  const { messageId, threadId, rendered } = edit;
  await manager.query('INSERT INTO message_revisions (message_id, body) VALUES ($1, $2)', [
    messageId,
    edit.previousBody,
  ]);
  await manager.query(
    `UPDATE messages SET body = $2, html = $3, body_text = $4, mentions = $5::uuid[], mentions_group = $6,
            previews = $7::jsonb, edited_at = now() WHERE id = $1`,
    [
      messageId,
      edit.body,
      rendered.html,
      rendered.bodyText,
      rendered.mentions,
      rendered.mentionsGroup,
      JSON.stringify(edit.previews),
    ],
  );
  if (rendered.mentions.length > 0) {
    await manager.query(followThreads('SELECT $1::uuid, unnest($2::uuid[])'), [threadId, rendered.mentions]);
  }
  await bumpChange(manager, threadId, messageId);
}

/** Soft-deletes a message in the caller's transaction: it keeps its place. */
export async function markMessageDeleted(
  manager: EntityManager,
  threadId: string,
  messageId: string,
): Promise<void> {
  await manager.query('UPDATE messages SET deleted_at = now() WHERE id = $1', [messageId]);
  await bumpChange(manager, threadId, messageId);
}

/** Adds (`on`) or removes a user's reaction in the caller's transaction; false when nothing changed. */
export async function setReaction(
  manager: EntityManager,
  ref: { threadId: string; messageId: string },
  reaction: { userId: string; emoji: string; on: boolean },
): Promise<boolean> {
  const { threadId, messageId } = ref;
  const { userId, emoji, on } = reaction;
  const [{ n }]: Array<{ n: number }> = await manager.query(
    on
      ? `WITH x AS (INSERT INTO message_reactions (message_id, user_id, emoji) VALUES ($1, $2, $3)
                    ON CONFLICT DO NOTHING RETURNING 1)
         SELECT count(*)::int AS n FROM x`
      : `WITH x AS (DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3 RETURNING 1)
         SELECT count(*)::int AS n FROM x`,
    [messageId, userId, emoji],
  );
  if (n === 0) return false;
  await bumpChange(manager, threadId, messageId);
  return true;
}

/** Hides a message (by `byId`) or shows it again, in the caller's transaction. */
export async function setMessageHidden(
  manager: EntityManager,
  ref: { threadId: string; messageId: string },
  hidden: boolean,
  byId: string,
): Promise<void> {
  await manager.query(
    hidden
      ? 'UPDATE messages SET hidden_at = now(), hidden_by_id = $2 WHERE id = $1'
      : 'UPDATE messages SET hidden_at = NULL, hidden_by_id = NULL WHERE id = $1 AND $2::uuid IS NOT NULL',
    [ref.messageId, byId],
  );
  await bumpChange(manager, ref.threadId, ref.messageId);
}

/**
 * The copy of a moved message in its destination, numbered as any new message there (same author, text
 * and time), without follows or read positions: nobody posted.
 */
const MOVED_COPY_SQL = `
  WITH req AS (SELECT 1 AS key, $2::uuid AS thread_id),
  ${NUMBER_NEW_MESSAGES},
  inserted AS (
    INSERT INTO messages (thread_id, seq, change, client_id, author_id, body, html, body_text, mentions,
                          mentions_group, previews, files, created_at, edited_at)
    SELECT n.thread_id, n.seq, n.change, 'moved:' || m.id, m.author_id, m.body, m.html, m.body_text, m.mentions,
           m.mentions_group, m.previews, m.files, m.created_at, m.edited_at
      FROM numbered n CROSS JOIN messages m WHERE m.id = $1
    RETURNING id
  )
  SELECT id FROM inserted`;

/**
 * Moves a message in the caller's transaction: its destination gets a copy with the next sequence number,
 * the source keeps a marker at the same place pointing to it. Returns the copy's id.
 */
export async function moveMessage(
  manager: EntityManager,
  ref: { threadId: string; messageId: string },
  toThreadId: string,
): Promise<string> {
  const [copy]: Array<{ id: string }> = await manager.query(MOVED_COPY_SQL, [ref.messageId, toThreadId]);
  if (!copy) throw notFound('Discussion introuvable');
  await manager.query('UPDATE messages SET moved_to_thread_id = $2 WHERE id = $1', [
    ref.messageId,
    toThreadId,
  ]);
  await bumpChange(manager, ref.threadId, ref.messageId);
  return copy.id;
}

/** The earlier texts of a message, oldest first. */
export async function selectRevisions(manager: EntityManager, messageId: string): Promise<MessageRevision[]> {
  const rows: Array<{ body: string; editedAt: Date }> = await manager.query(
    'SELECT body, edited_at AS "editedAt" FROM message_revisions WHERE message_id = $1 ORDER BY edited_at, id',
    [messageId],
  );
  return rows.map((r) => ({ body: r.body, editedAt: toIso(r.editedAt) }));
}

async function bumpChange(manager: EntityManager, threadId: string, messageId: string): Promise<void> {
  await manager.query(BUMP_CHANGE, [threadId, messageId]);
}

/** Whether each of these messages that exists is deleted by its author or hidden by a facilitator, now. */
export async function selectMessageStates(
  manager: EntityManager,
  messageIds: readonly string[],
): Promise<Map<string, { deleted: boolean; hidden: boolean }>> {
  const ids = [...new Set(messageIds)];
  if (ids.length === 0) return new Map();
  const rows: Array<{ id: string; deleted: boolean; hidden: boolean }> = await manager.query(
    `SELECT id, deleted_at IS NOT NULL AS deleted, hidden_at IS NOT NULL AS hidden
       FROM messages WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { deleted: r.deleted, hidden: r.hidden }]));
}

/** The sequence number of each of these messages that exists: message id -> seq. */
export async function selectMessageSeqs(
  manager: EntityManager,
  messageIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = [...new Set(messageIds)];
  if (ids.length === 0) return new Map();
  const rows: Array<{ id: string; seq: number }> = await manager.query(
    'SELECT id, seq FROM messages WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.seq]));
}

/**
 * The messages that carry a file (normally one; a moved message's copy carries it too): their thread and
 * whether they still show it (neither deleted, hidden nor moved away).
 */
export async function selectFileHolders(
  manager: EntityManager,
  fileId: string,
): Promise<Array<{ threadId: string; shown: boolean }>> {
  return manager.query(
    `SELECT thread_id AS "threadId",
            (deleted_at IS NULL AND hidden_at IS NULL AND moved_to_thread_id IS NULL) AS shown
       FROM messages WHERE files @> jsonb_build_array(jsonb_build_object('id', $1::text))`,
    [fileId],
  );
}
