import { z } from 'zod';
import { FreeText, Id, Timestamp } from './common';
import { PersonRef } from './discussions';
import { AttachedFile, AttachedFileIds } from './files';

/** Upper bound of one comment, in characters. */
export const COMMENT_MAX_CHARS = 4000;

export const CommentBody = FreeText()
  .trim()
  .min(1, { message: 'Le commentaire est vide' })
  .max(COMMENT_MAX_CHARS, { message: `${COMMENT_MAX_CHARS} caractères au maximum` });

export const FicheCommentReply = z.object({
  id: Id,
  author: PersonRef,
  body: z.string(),
  mentions: z.array(Id),
  /** Files attached when it was written. */
  files: z.array(AttachedFile),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
});
export type FicheCommentReply = z.infer<typeof FicheCommentReply>;

/**
 * A comment thread on a passage of a fiche. The passage is anchored by two Yjs relative positions
 * (base64 of `Y.encodeRelativePosition`) that follow the text through concurrent edits; `quote` is the
 * text selected when the comment was made. When the passage is deleted the comment is kept as orphaned.
 */
export const FicheComment = z.object({
  id: Id,
  ficheId: Id,
  anchorStart: z.string(),
  anchorEnd: z.string(),
  quote: z.string(),
  author: PersonRef,
  body: z.string(),
  mentions: z.array(Id),
  /** Files attached when it was written. */
  files: z.array(AttachedFile),
  replies: z.array(FicheCommentReply),
  resolvedAt: Timestamp.nullable(),
  resolvedBy: PersonRef.nullable(),
  /** True when the server found the passage gone from the document (computed at read time). */
  orphaned: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type FicheComment = z.infer<typeof FicheComment>;

const Anchor = z
  .string()
  .min(4)
  .max(2000)
  .regex(/^[A-Za-z0-9+/=]+$/, { message: 'Ancre invalide' });

/** `POST /api/fiches/:id/comments` */
export const CreateFicheCommentRequest = z
  .object({
    anchorStart: Anchor,
    anchorEnd: Anchor,
    quote: FreeText().max(2000),
    body: CommentBody,
    /** Files uploaded beforehand (`POST /api/fiches/:id/comment-files`) by the author. */
    fileIds: AttachedFileIds.optional(),
  })
  .strict();
export type CreateFicheCommentRequest = z.infer<typeof CreateFicheCommentRequest>;

/** `POST /api/fiches/:id/comments/:commentId/replies` */
export const ReplyFicheCommentRequest = z
  .object({ body: CommentBody, fileIds: AttachedFileIds.optional() })
  .strict();
export type ReplyFicheCommentRequest = z.infer<typeof ReplyFicheCommentRequest>;

/** `POST /api/fiches/:id/comments/:commentId/resolve` with `{ resolved }` (false reopens). */
export const ResolveFicheCommentRequest = z.object({ resolved: z.boolean() }).strict();
export type ResolveFicheCommentRequest = z.infer<typeof ResolveFicheCommentRequest>;

export const ListFicheCommentsQuery = z.object({
  status: z.enum(['open', 'resolved', 'all']).default('all'),
});
export type ListFicheCommentsQuery = z.infer<typeof ListFicheCommentsQuery>;
