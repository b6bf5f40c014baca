import type { AttachedFile, FicheComment, FicheCommentReply } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';

const COMMENT_SELECT = `
  SELECT c.id, c.fiche_id AS "ficheId", c.anchor_start AS "anchorStart", c.anchor_end AS "anchorEnd",
         c.quote, c.author_id AS "authorId", a.display_name AS "authorName", c.body, c.mentions, c.files,
         c.resolved_at AS "resolvedAt", c.resolved_by_id AS "resolvedById", r.display_name AS "resolvedByName",
         c.created_at AS "createdAt", c.updated_at AS "updatedAt"
    FROM fiche_comments c JOIN user_cards a ON a.id = c.author_id
    LEFT JOIN user_cards r ON r.id = c.resolved_by_id`;

/** One comment's columns as COMMENT_SELECT reads them. */
export interface CommentRow {
  id: string;
  ficheId: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
  files: AttachedFile[];
  resolvedAt: Date | null;
  resolvedById: string | null;
  resolvedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface ReplyRow {
  id: string;
  commentId: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
  files: AttachedFile[];
  createdAt: Date;
  editedAt: Date | null;
}

/** The API shape of a stored comment, with its replies and whether its passage is gone from the text. */
export function commentFromRow(
  row: CommentRow,
  replies: FicheCommentReply[],
  orphaned: boolean,
): FicheComment {
  return {
    id: row.id,
    ficheId: row.ficheId,
    anchorStart: row.anchorStart,
    anchorEnd: row.anchorEnd,
    quote: row.quote,
    author: { id: row.authorId, displayName: row.authorName },
    body: row.body,
    mentions: row.mentions,
    files: row.files,
    replies,
    resolvedAt: toIso(row.resolvedAt),
    resolvedBy:
      row.resolvedById && row.resolvedByName
        ? { id: row.resolvedById, displayName: row.resolvedByName }
        : null,
    orphaned,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

function replyFromRow(row: ReplyRow): FicheCommentReply {
  return {
    id: row.id,
    author: { id: row.authorId, displayName: row.authorName },
    body: row.body,
    mentions: row.mentions,
    files: row.files,
    createdAt: toIso(row.createdAt),
    editedAt: toIso(row.editedAt),
  };
}

/** The comments of a fiche, or one comment, oldest first. */
export async function selectComments(
  manager: EntityManager,
  where: { ficheId: string } | { commentId: string },
): Promise<CommentRow[]> {
  return manager.query(
    `${COMMENT_SELECT} WHERE ${'ficheId' in where ? 'c.fiche_id' : 'c.id'} = $1 ORDER BY c.created_at, c.id`,
    ['ficheId' in where ? where.ficheId : where.commentId],
  );
}

/** One comment of a fiche, or null. */
export async function selectComment(
  manager: EntityManager,
  ficheId: string,
  commentId: string,
): Promise<CommentRow | null> {
  const [row]: CommentRow[] = await manager.query(`${COMMENT_SELECT} WHERE c.id = $1 AND c.fiche_id = $2`, [
    commentId,
    ficheId,
  ]);
  return row ?? null;
}

/** The replies of several comments, oldest first: comment id -> them. */
export async function selectReplies(
  manager: EntityManager,
  commentIds: string[],
): Promise<Map<string, FicheCommentReply[]>> {
  const rows: ReplyRow[] = await manager.query(
    `SELECT p.id, p.comment_id AS "commentId", p.author_id AS "authorId", u.display_name AS "authorName",
            p.body, p.mentions, p.files, p.created_at AS "createdAt", p.edited_at AS "editedAt"
       FROM fiche_comment_replies p JOIN user_cards u ON u.id = p.author_id
      WHERE p.comment_id = ANY($1::uuid[]) ORDER BY p.created_at, p.id`,
    [commentIds],
  );
  const answer = new Map<string, FicheCommentReply[]>();
  for (const row of rows) {
    const list = answer.get(row.commentId) ?? [];
    list.push(replyFromRow(row));
    answer.set(row.commentId, list);
  }
  return answer;
}

/** The author of a reply to a comment, or null when there is no such reply. */
export async function selectReplyAuthor(
  manager: EntityManager,
  commentId: string,
  replyId: string,
): Promise<string | null> {
  const [row]: Array<{ authorId: string }> = await manager.query(
    'SELECT author_id AS "authorId" FROM fiche_comment_replies WHERE id = $1 AND comment_id = $2',
    [replyId, commentId],
  );
  return row?.authorId ?? null;
}

/** A new comment on a passage; its id. */
export async function insertComment(
  manager: EntityManager,
  comment: {
    ficheId: string;
    anchorStart: string;
    anchorEnd: string;
    quote: string;
    authorId: string;
    body: string;
    mentions: string[];
    files: AttachedFile[];
  },
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await manager.query(
    `INSERT INTO fiche_comments (fiche_id, anchor_start, anchor_end, quote, author_id, body, mentions, files)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      comment.ficheId,
      comment.anchorStart,
      comment.anchorEnd,
      comment.quote,
      comment.authorId,
      comment.body,
      comment.mentions,
      JSON.stringify(comment.files),
    ],
  );
  return id;
}

/** Marks a comment resolved by `userId`, or reopens it (`userId` null). */
export async function setCommentResolved(
  manager: EntityManager,
  commentId: string,
  userId: string | null,
): Promise<void> {
  await manager.query(
    userId
      ? 'UPDATE fiche_comments SET resolved_at = now(), resolved_by_id = $2, updated_at = now() WHERE id = $1'
      : 'UPDATE fiche_comments SET resolved_at = NULL, resolved_by_id = NULL, updated_at = now() WHERE id = $1',
    userId ? [commentId, userId] : [commentId],
  );
}

/** A comment's new text and mentions. */
export async function updateCommentBody(
  manager: EntityManager,
  commentId: string,
  body: string,
  mentions: string[],
): Promise<void> {
  await manager.query(
    'UPDATE fiche_comments SET body = $2, mentions = $3, updated_at = now() WHERE id = $1',
    [commentId, body, mentions],
  );
}

/** Deletes a comment with its replies. */
export async function deleteComment(manager: EntityManager, commentId: string): Promise<void> {
  await manager.query('DELETE FROM fiche_comments WHERE id = $1', [commentId]);
}

/** A comment moves (`updated_at`) when its replies change. */
export async function touchComment(manager: EntityManager, commentId: string): Promise<void> {
  await manager.query('UPDATE fiche_comments SET updated_at = now() WHERE id = $1', [commentId]);
}

/** A new reply to a comment, which moves with it, in the caller's transaction; its id. */
export async function insertReply(
  manager: EntityManager,
  reply: { commentId: string; authorId: string; body: string; mentions: string[]; files: AttachedFile[] },
): Promise<string> {
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO fiche_comment_replies (comment_id, author_id, body, mentions, files)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [reply.commentId, reply.authorId, reply.body, reply.mentions, JSON.stringify(reply.files)],
  );
  await touchComment(manager, reply.commentId);
  return row.id;
}

/** A reply's new text and mentions. */
export async function updateReplyBody(
  manager: EntityManager,
  replyId: string,
  body: string,
  mentions: string[],
): Promise<void> {
  await manager.query(
    'UPDATE fiche_comment_replies SET body = $2, mentions = $3, edited_at = now() WHERE id = $1',
    [replyId, body, mentions],
  );
}

/** Deletes one reply. */
export async function deleteReply(manager: EntityManager, replyId: string): Promise<void> {
  await manager.query('DELETE FROM fiche_comment_replies WHERE id = $1', [replyId]);
}

/** An open comment shown as a numbered note (its text passage found again through its end anchor). */
export interface CommentNote {
  id: string;
  quote: string;
  body: string;
  author: string;
  createdAt: string;
  /** Base64 of the Yjs relative position that ends the commented passage. */
  anchorEnd: string;
  replies: Array<{ author: string; body: string }>;
}

/** A fiche's open comments (not resolved) as notes, oldest first, with their replies. */
export async function selectOpenCommentNotes(
  manager: EntityManager,
  ficheId: string,
): Promise<CommentNote[]> {
  const rows: Array<
    Omit<CommentNote, 'createdAt' | 'replies'> & { createdAt: Date; replies: CommentNote['replies'] | null }
  > = await manager.query(
    `SELECT c.id, c.quote, c.body, c.anchor_end AS "anchorEnd", u.display_name AS author,
            c.created_at AS "createdAt",
            (SELECT json_agg(json_build_object('author', ru.display_name, 'body', r.body) ORDER BY r.created_at)
               FROM fiche_comment_replies r JOIN user_cards ru ON ru.id = r.author_id
              WHERE r.comment_id = c.id) AS replies
       FROM fiche_comments c JOIN user_cards u ON u.id = c.author_id
      WHERE c.fiche_id = $1 AND c.resolved_at IS NULL
      ORDER BY c.created_at, c.id`,
    [ficheId],
  );
  return rows.map((r) => ({ ...r, createdAt: toIso(r.createdAt), replies: r.replies ?? [] }));
}

/** The fiches whose comments or replies carry a file (a comment's file is read through them). */
export async function selectFileHolderFiches(manager: EntityManager, fileId: string): Promise<string[]> {
  const rows: Array<{ ficheId: string }> = await manager.query(
    `SELECT fiche_id AS "ficheId" FROM fiche_comments
      WHERE files @> jsonb_build_array(jsonb_build_object('id', $1::text))
     UNION
     SELECT c.fiche_id FROM fiche_comment_replies p JOIN fiche_comments c ON c.id = p.comment_id
      WHERE p.files @> jsonb_build_array(jsonb_build_object('id', $1::text))`,
    [fileId],
  );
  return rows.map((r) => r.ficheId);
}
