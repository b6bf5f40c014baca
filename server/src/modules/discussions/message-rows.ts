import { isAllowedHref, type LinkPreview, type Message } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { excerpt } from './message-markdown';

/** Columns of one message as the API shows it: author, reply, move marker and reactions in one row. */
const MESSAGE_SELECT = `
  SELECT m.id, m.thread_id AS "threadId", m.seq, m.change, m.client_id AS "clientId",
         m.author_id AS "authorId", au.display_name AS "authorName", m.body, m.html, m.body_text AS "bodyText",
         m.mentions, m.mentions_group AS "mentionsGroup", m.previews, m.created_at AS "createdAt",
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
    JOIN users au ON au.id = m.author_id
    LEFT JOIN threads mt ON mt.id = m.moved_to_thread_id
    LEFT JOIN messages r ON r.id = m.reply_to_id
    LEFT JOIN users ru ON ru.id = r.author_id`;

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
  createdAt: Date | string;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  movedToId: string | null;
  movedToTitle: string | null;
  replyId: string | null;
  replySeq: number | null;
  replyAuthorId: string | null;
  replyAuthorName: string | null;
  replyText: string | null;
  reactions: Message['reactions'];
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

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
    createdAt: new Date(row.createdAt).toISOString(),
    editedAt: iso(row.editedAt),
    deletedAt: iso(row.deletedAt),
    hiddenAt: iso(row.hiddenAt),
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
