import {
  type CreateFicheCommentRequest,
  can,
  type FicheComment,
  type FicheCommentReply,
  type ListFicheCommentsQuery,
  mentionPattern,
  type Subject,
} from '@affluents/contracts';
import { FICHE_FRAGMENT } from '@affluents/editor/template';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CollabDocuments } from '../../collab/collab-documents';
import { assertCan } from '../../common/auth/policy';
import { badRequest, conflict, forbidden, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { AnchorResolver, decodeAnchor } from './comment-anchors';

interface FicheRow {
  id: string;
  groupId: string;
  title: string;
  docName: string;
  status: string;
}

interface CommentRow {
  id: string;
  ficheId: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
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
  createdAt: Date;
  editedAt: Date | null;
}

const COMMENT_COLUMNS = `c.id, c.fiche_id AS "ficheId", c.anchor_start AS "anchorStart", c.anchor_end AS "anchorEnd",
  c.quote, c.author_id AS "authorId", a.display_name AS "authorName", c.body, c.mentions,
  c.resolved_at AS "resolvedAt", c.resolved_by_id AS "resolvedById", r.display_name AS "resolvedByName",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/**
 * Comments on passages of a fiche: the group's working notes. Only the group's members read and
 * write them (policy `fiche.comment`); they live beside the document and never inside it, so
 * published versions and exports of the text never carry them.
 */
@Injectable()
export class FicheCommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: CollabDocuments,
    private readonly hub: RealtimeHub,
    private readonly events: DomainEventBus,
  ) {}

  /** The fiche's comments in document order (orphaned ones last, oldest first). */
  async list(ficheId: string, query: ListFicheCommentsQuery, subject: Subject): Promise<FicheComment[]> {
    const fiche = await this.commentableFiche(ficheId, subject);
    const comments = await this.load(fiche, { ficheId });
    if (query.status === 'all') return comments;
    return comments.filter((c) => (query.status === 'open') === (c.resolvedAt === null));
  }

  /**
   * Open comments of a fiche in document order, for exports that number them as notes. No policy
   * check: the caller has already decided that the reader may see the group's comments.
   */
  async listOpen(ficheId: string): Promise<FicheComment[]> {
    const fiche = await this.findFiche(ficheId);
    if (!fiche) return [];
    return (await this.load(fiche, { ficheId })).filter((c) => c.resolvedAt === null);
  }

  async create(ficheId: string, input: CreateFicheCommentRequest, subject: Subject): Promise<FicheComment> {
    const fiche = await this.commentableFiche(ficheId, subject);
    this.assertWritable(fiche);
    for (const [path, anchor] of [
      ['anchorStart', input.anchorStart],
      ['anchorEnd', input.anchorEnd],
    ] as const) {
      if (!decodeAnchor(anchor)) throw badRequest('Ancre invalide', [{ path, message: 'Ancre invalide' }]);
    }
    const mentions = await this.memberMentions(this.dataSource.manager, fiche.groupId, input.body);
    const [{ id }]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO fiche_comments (fiche_id, anchor_start, anchor_end, quote, author_id, body, mentions)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [fiche.id, input.anchorStart, input.anchorEnd, input.quote, subject.userId, input.body, mentions],
    );
    const comment = await this.announce(fiche, id);
    this.posted(fiche, comment, null);
    return comment;
  }

  async reply(ficheId: string, commentId: string, body: string, subject: Subject): Promise<FicheComment> {
    const fiche = await this.commentableFiche(ficheId, subject);
    this.assertWritable(fiche);
    await this.commentRow(fiche, commentId);
    const mentions = await this.memberMentions(this.dataSource.manager, fiche.groupId, body);
    const replyId = await this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO fiche_comment_replies (comment_id, author_id, body, mentions)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [commentId, subject.userId, body, mentions],
      );
      await manager.query('UPDATE fiche_comments SET updated_at = now() WHERE id = $1', [commentId]);
      return row.id;
    });
    const comment = await this.announce(fiche, commentId);
    this.posted(fiche, comment, replyId);
    return comment;
  }

  /** Resolves (or reopens) a comment: its author and the group's facilitators may. */
  async resolve(
    ficheId: string,
    commentId: string,
    resolved: boolean,
    subject: Subject,
  ): Promise<FicheComment> {
    const fiche = await this.commentableFiche(ficheId, subject);
    const row = await this.commentRow(fiche, commentId);
    if (row.authorId !== subject.userId && !this.isFacilitator(subject, fiche.groupId)) {
      throw forbidden('Seuls l’auteur du commentaire et les animateurs du groupe peuvent le résoudre.');
    }
    if (resolved !== (row.resolvedAt === null)) return this.announce(fiche, commentId, false);
    await this.dataSource.query(
      resolved
        ? 'UPDATE fiche_comments SET resolved_at = now(), resolved_by_id = $2, updated_at = now() WHERE id = $1'
        : 'UPDATE fiche_comments SET resolved_at = NULL, resolved_by_id = NULL, updated_at = now() WHERE id = $1',
      resolved ? [commentId, subject.userId] : [commentId],
    );
    return this.announce(fiche, commentId);
  }

  /** Edits one's own comment. Mentions are re-read; only new ones would deserve a notification. */
  async edit(ficheId: string, commentId: string, body: string, subject: Subject): Promise<FicheComment> {
    const fiche = await this.commentableFiche(ficheId, subject);
    const row = await this.commentRow(fiche, commentId);
    if (row.authorId !== subject.userId) throw forbidden('Vous ne pouvez modifier que vos commentaires.');
    const mentions = await this.memberMentions(this.dataSource.manager, fiche.groupId, body);
    await this.dataSource.query(
      'UPDATE fiche_comments SET body = $2, mentions = $3, updated_at = now() WHERE id = $1',
      [commentId, body, mentions],
    );
    return this.announce(fiche, commentId);
  }

  /** Deletes one's own comment with its replies. The room hears the last state, then refetches. */
  async remove(ficheId: string, commentId: string, subject: Subject): Promise<void> {
    const fiche = await this.commentableFiche(ficheId, subject);
    const row = await this.commentRow(fiche, commentId);
    if (row.authorId !== subject.userId) throw forbidden('Vous ne pouvez supprimer que vos commentaires.');
    const [last] = await this.load(fiche, { commentId });
    await this.dataSource.query('DELETE FROM fiche_comments WHERE id = $1', [commentId]);
    this.broadcast(fiche, last);
  }

  async editReply(
    ficheId: string,
    commentId: string,
    replyId: string,
    body: string,
    subject: Subject,
  ): Promise<FicheComment> {
    const fiche = await this.commentableFiche(ficheId, subject);
    await this.ownReply(fiche, commentId, replyId, subject);
    const mentions = await this.memberMentions(this.dataSource.manager, fiche.groupId, body);
    await this.dataSource.query(
      'UPDATE fiche_comment_replies SET body = $2, mentions = $3, edited_at = now() WHERE id = $1',
      [replyId, body, mentions],
    );
    await this.dataSource.query('UPDATE fiche_comments SET updated_at = now() WHERE id = $1', [commentId]);
    return this.announce(fiche, commentId);
  }

  async removeReply(
    ficheId: string,
    commentId: string,
    replyId: string,
    subject: Subject,
  ): Promise<FicheComment> {
    const fiche = await this.commentableFiche(ficheId, subject);
    await this.ownReply(fiche, commentId, replyId, subject);
    await this.dataSource.query('DELETE FROM fiche_comment_replies WHERE id = $1', [replyId]);
    await this.dataSource.query('UPDATE fiche_comments SET updated_at = now() WHERE id = $1', [commentId]);
    return this.announce(fiche, commentId);
  }

  // ---------------------------------------------------------------------------------------------

  /** 404 to those who cannot see the fiche at all, 403 to those who see it but may not comment. */
  private async commentableFiche(ficheId: string, subject: Subject): Promise<FicheRow> {
    const fiche = await this.findFiche(ficheId);
    if (!fiche || !can(subject, 'fiche.view', { groupId: fiche.groupId }))
      throw notFound('Fiche introuvable');
    assertCan(subject, 'fiche.comment', { groupId: fiche.groupId });
    return fiche;
  }

  private async findFiche(ficheId: string): Promise<FicheRow | null> {
    const [fiche]: FicheRow[] = await this.dataSource.query(
      'SELECT id, group_id AS "groupId", title, doc_name AS "docName", status FROM fiches WHERE id = $1',
      [ficheId],
    );
    return fiche ?? null;
  }

  private assertWritable(fiche: FicheRow): void {
    if (fiche.status === 'archived')
      throw conflict('Cette fiche est archivée : elle ne reçoit plus de commentaires.');
  }

  private isFacilitator(subject: Subject, groupId: string): boolean {
    return subject.memberships.some((m) => m.groupId === groupId && m.role === 'facilitator');
  }

  private async commentRow(fiche: FicheRow, commentId: string): Promise<CommentRow> {
    const [row]: CommentRow[] = await this.dataSource.query(
      `SELECT ${COMMENT_COLUMNS} FROM fiche_comments c JOIN users a ON a.id = c.author_id
       LEFT JOIN users r ON r.id = c.resolved_by_id WHERE c.id = $1 AND c.fiche_id = $2`,
      [commentId, fiche.id],
    );
    if (!row) throw notFound('Commentaire introuvable');
    return row;
  }

  private async ownReply(
    fiche: FicheRow,
    commentId: string,
    replyId: string,
    subject: Subject,
  ): Promise<void> {
    await this.commentRow(fiche, commentId);
    const [reply]: Array<{ authorId: string }> = await this.dataSource.query(
      'SELECT author_id AS "authorId" FROM fiche_comment_replies WHERE id = $1 AND comment_id = $2',
      [replyId, commentId],
    );
    if (!reply) throw notFound('Réponse introuvable');
    if (reply.authorId !== subject.userId) throw forbidden('Vous ne pouvez modifier que vos réponses.');
  }

  /** The mentioned users who belong to the fiche's group; other tokens stay plain text. */
  private async memberMentions(manager: EntityManager, groupId: string, body: string): Promise<string[]> {
    const ids = new Set<string>();
    for (const match of body.matchAll(new RegExp(mentionPattern.source, 'g'))) {
      if (match[2].startsWith('user:')) ids.add(match[2].slice('user:'.length));
    }
    if (ids.size === 0) return [];
    const rows: Array<{ userId: string }> = await manager.query(
      'SELECT user_id AS "userId" FROM memberships WHERE group_id = $1 AND user_id = ANY($2::uuid[])',
      [groupId, [...ids]],
    );
    const members = new Set(rows.map((r) => r.userId));
    return [...ids].filter((id) => members.has(id));
  }

  /** Reads one comment and tells the fiche's room (after the change is committed). */
  private async announce(fiche: FicheRow, commentId: string, emit = true): Promise<FicheComment> {
    const [comment] = await this.load(fiche, { commentId });
    if (emit) this.broadcast(fiche, comment);
    return comment;
  }

  /**
   * Tells the group's members. Not the fiche's room: coordinators may join it (they read the fiche),
   * and comments are for the group's members only; clients keep the comments of the fiche they show.
   */
  private broadcast(fiche: FicheRow, comment: FicheComment): void {
    this.hub.emit(rooms.group(fiche.groupId), 'comment:updated', comment);
  }

  /** Tells the domain (notifications of the members mentioned) of a new comment, or of its reply `replyId`. */
  private posted(fiche: FicheRow, comment: FicheComment, replyId: string | null): void {
    const written = replyId ? comment.replies.find((r) => r.id === replyId) : comment;
    if (!written) return;
    void this.events.emit('comment.posted', {
      commentId: comment.id,
      replyId,
      ficheId: fiche.id,
      groupId: fiche.groupId,
      ficheTitle: fiche.title,
      author: written.author,
      body: written.body,
      mentions: written.mentions,
    });
  }

  /** Comments with their replies, resolved against the current document for `orphaned` and order. */
  private async load(
    fiche: FicheRow,
    where: { ficheId: string } | { commentId: string },
  ): Promise<FicheComment[]> {
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT ${COMMENT_COLUMNS} FROM fiche_comments c JOIN users a ON a.id = c.author_id
       LEFT JOIN users r ON r.id = c.resolved_by_id
       WHERE ${'ficheId' in where ? 'c.fiche_id' : 'c.id'} = $1 ORDER BY c.created_at, c.id`,
      ['ficheId' in where ? where.ficheId : where.commentId],
    );
    if (rows.length === 0) return [];
    const replies: ReplyRow[] = await this.dataSource.query(
      `SELECT p.id, p.comment_id AS "commentId", p.author_id AS "authorId", u.display_name AS "authorName",
              p.body, p.mentions, p.created_at AS "createdAt", p.edited_at AS "editedAt"
       FROM fiche_comment_replies p JOIN users u ON u.id = p.author_id
       WHERE p.comment_id = ANY($1::uuid[]) ORDER BY p.created_at, p.id`,
      [rows.map((r) => r.id)],
    );
    const repliesOf = new Map<string, FicheCommentReply[]>();
    for (const reply of replies) {
      const list = repliesOf.get(reply.commentId) ?? [];
      list.push({
        id: reply.id,
        author: { id: reply.authorId, displayName: reply.authorName },
        body: reply.body,
        mentions: reply.mentions,
        createdAt: reply.createdAt.toISOString(),
        editedAt: reply.editedAt?.toISOString() ?? null,
      });
      repliesOf.set(reply.commentId, list);
    }
    const doc = await this.documents.readDocument(fiche.docName);
    try {
      const resolver = new AnchorResolver(doc, FICHE_FRAGMENT);
      const placed = rows.map((row) => ({ row, passage: resolver.resolve(row.anchorStart, row.anchorEnd) }));
      // Document order; orphaned comments keep their creation order after the others.
      placed.sort((a, b) => {
        if (a.passage && b.passage) return a.passage.from - b.passage.from || a.passage.to - b.passage.to;
        return a.passage ? -1 : b.passage ? 1 : 0;
      });
      return placed.map(({ row, passage }) => ({
        id: row.id,
        ficheId: row.ficheId,
        anchorStart: row.anchorStart,
        anchorEnd: row.anchorEnd,
        quote: row.quote,
        author: { id: row.authorId, displayName: row.authorName },
        body: row.body,
        mentions: row.mentions,
        replies: repliesOf.get(row.id) ?? [],
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        resolvedBy:
          row.resolvedById && row.resolvedByName
            ? { id: row.resolvedById, displayName: row.resolvedByName }
            : null,
        orphaned: passage === null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      }));
    } finally {
      doc.destroy();
    }
  }
}
