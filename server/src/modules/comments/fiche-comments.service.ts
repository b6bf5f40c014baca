import {
  type CreateFicheCommentRequest,
  can,
  type FicheComment,
  type ListFicheCommentsQuery,
  mentionPattern,
  type ReplyFicheCommentRequest,
  type Subject,
} from '@affluents/contracts';
import { FICHE_FRAGMENT } from '@affluents/editor/template';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CollabDocuments } from '../../collab/collab-documents';
import { assertCan } from '../../common/auth/policy';
import { badRequest, conflict, forbidden, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import type { FicheRef } from '../fiches/fiche-rows';
import { FichesService } from '../fiches/fiches.service';
import { selectAttachableFiles } from '../files/attached-file-rows';
import { GroupsService } from '../groups/groups.service';
import { AnchorResolver, decodeAnchor } from './comment-anchors';
import {
  type CommentNote,
  type CommentRow,
  commentFromRow,
  deleteComment,
  deleteReply,
  insertComment,
  insertReply,
  selectComment,
  selectComments,
  selectFileHolderFiches,
  selectOpenCommentNotes,
  selectReplies,
  selectReplyAuthor,
  setCommentResolved,
  touchComment,
  updateCommentBody,
  updateReplyBody,
} from './comment-rows';

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
    private readonly fiches: FichesService,
    private readonly groups: GroupsService,
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

  /**
   * Open comments of a fiche as notes, oldest first, for the PDF export. No policy check: the caller has
   * already decided that the reader may see the group's comments.
   */
  openNotes(ficheId: string): Promise<CommentNote[]> {
    return selectOpenCommentNotes(this.dataSource.manager, ficheId);
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
    const mentions = await this.memberMentions(fiche.groupId, input.body);
    const files = await this.attachedFiles(fiche, input.fileIds, subject);
    const id = await insertComment(this.dataSource.manager, {
      ficheId: fiche.id,
      anchorStart: input.anchorStart,
      anchorEnd: input.anchorEnd,
      quote: input.quote,
      authorId: subject.userId,
      body: input.body,
      mentions,
      files,
    });
    const comment = await this.announce(fiche, id);
    this.posted(fiche, comment, null);
    return comment;
  }

  async reply(
    ficheId: string,
    commentId: string,
    { body, fileIds }: ReplyFicheCommentRequest,
    subject: Subject,
  ): Promise<FicheComment> {
    const fiche = await this.commentableFiche(ficheId, subject);
    this.assertWritable(fiche);
    await this.commentRow(fiche, commentId);
    const mentions = await this.memberMentions(fiche.groupId, body);
    const files = await this.attachedFiles(fiche, fileIds, subject);
    const replyId = await this.dataSource.transaction((manager) =>
      insertReply(manager, { commentId, authorId: subject.userId, body, mentions, files }),
    );
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
    await setCommentResolved(this.dataSource.manager, commentId, resolved ? subject.userId : null);
    return this.announce(fiche, commentId);
  }

  /** Edits one's own comment. Mentions are re-read; only new ones would deserve a notification. */
  async edit(ficheId: string, commentId: string, body: string, subject: Subject): Promise<FicheComment> {
    const fiche = await this.commentableFiche(ficheId, subject);
    const row = await this.commentRow(fiche, commentId);
    if (row.authorId !== subject.userId) throw forbidden('Vous ne pouvez modifier que vos commentaires.');
    const mentions = await this.memberMentions(fiche.groupId, body);
    await updateCommentBody(this.dataSource.manager, commentId, body, mentions);
    return this.announce(fiche, commentId);
  }

  /** Deletes one's own comment with its replies. The room hears the last state, then refetches. */
  async remove(ficheId: string, commentId: string, subject: Subject): Promise<void> {
    const fiche = await this.commentableFiche(ficheId, subject);
    const row = await this.commentRow(fiche, commentId);
    if (row.authorId !== subject.userId) throw forbidden('Vous ne pouvez supprimer que vos commentaires.');
    const [last] = await this.load(fiche, { commentId });
    await deleteComment(this.dataSource.manager, commentId);
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
    const mentions = await this.memberMentions(fiche.groupId, body);
    await updateReplyBody(this.dataSource.manager, replyId, body, mentions);
    await touchComment(this.dataSource.manager, commentId);
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
    await deleteReply(this.dataSource.manager, replyId);
    await touchComment(this.dataSource.manager, commentId);
    return this.announce(fiche, commentId);
  }

  /**
   * Checks, before a file is uploaded for a comment, that `subject` may comment on the fiche (404 when
   * they cannot see it, 403 when they may not comment, 409 when it is archived).
   */
  async assertCanAttach(ficheId: string, subject: Subject): Promise<void> {
    this.assertWritable(await this.commentableFiche(ficheId, subject));
  }

  /** Whether a comment or a reply carries the file. */
  async fileHeld(fileId: string): Promise<boolean> {
    return (await selectFileHolderFiches(this.dataSource.manager, fileId)).length > 0;
  }

  /**
   * Whether `subject` may read a file uploaded for the comments of `ficheId`: once a comment or a reply
   * carries it, whoever reads the comments of a fiche that carries it; before, only its uploader.
   */
  async canReadFile(
    file: { id: string; ficheId: string; createdById: string },
    subject: Subject,
  ): Promise<boolean> {
    const fiches = await selectFileHolderFiches(this.dataSource.manager, file.id);
    if (fiches.length === 0) fiches.push(...(file.createdById === subject.userId ? [file.ficheId] : []));
    for (const ficheId of fiches) {
      const fiche = await this.findFiche(ficheId);
      if (
        fiche &&
        can(subject, 'fiche.view', { groupId: fiche.groupId }) &&
        can(subject, 'fiche.comment', { groupId: fiche.groupId })
      )
        return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------

  /** The files a new comment or reply carries: uploaded for this fiche's comments by its author. */
  private attachedFiles(fiche: FicheRef, fileIds: string[] | undefined, subject: Subject) {
    return selectAttachableFiles(
      this.dataSource.manager,
      fileIds,
      { attachedTo: 'comment', ficheId: fiche.id },
      subject.userId,
    );
  }

  /** 404 to those who cannot see the fiche at all, 403 to those who see it but may not comment. */
  private async commentableFiche(ficheId: string, subject: Subject): Promise<FicheRef> {
    const fiche = await this.findFiche(ficheId);
    if (!fiche || !can(subject, 'fiche.view', { groupId: fiche.groupId }))
      throw notFound('Fiche introuvable');
    assertCan(subject, 'fiche.comment', { groupId: fiche.groupId });
    return fiche;
  }

  private findFiche(ficheId: string): Promise<FicheRef | null> {
    return this.fiches.ref(ficheId);
  }

  private assertWritable(fiche: FicheRef): void {
    if (fiche.status === 'archived')
      throw conflict('Cette fiche est archivée : elle ne reçoit plus de commentaires.');
  }

  private isFacilitator(subject: Subject, groupId: string): boolean {
    return subject.memberships.some((m) => m.groupId === groupId && m.role === 'facilitator');
  }

  private async commentRow(fiche: FicheRef, commentId: string): Promise<CommentRow> {
    const row = await selectComment(this.dataSource.manager, fiche.id, commentId);
    if (!row) throw notFound('Commentaire introuvable');
    return row;
  }

  private async ownReply(
    fiche: FicheRef,
    commentId: string,
    replyId: string,
    subject: Subject,
  ): Promise<void> {
    await this.commentRow(fiche, commentId);
    const authorId = await selectReplyAuthor(this.dataSource.manager, commentId, replyId);
    if (!authorId) throw notFound('Réponse introuvable');
    if (authorId !== subject.userId) throw forbidden('Vous ne pouvez modifier que vos réponses.');
  }

  /** The mentioned users who belong to the fiche's group; other tokens stay plain text. */
  private async memberMentions(groupId: string, body: string): Promise<string[]> {
    const ids = new Set<string>();
    for (const match of body.matchAll(new RegExp(mentionPattern.source, 'g'))) {
      if (match[2].startsWith('user:')) ids.add(match[2].slice('user:'.length));
    }
    if (ids.size === 0) return [];
    const members = new Set((await this.groups.memberIds([groupId])).get(groupId));
    return [...ids].filter((id) => members.has(id));
  }

  /** Reads one comment and tells the fiche's room (after the change is committed). */
  private async announce(fiche: FicheRef, commentId: string, emit = true): Promise<FicheComment> {
    const [comment] = await this.load(fiche, { commentId });
    if (emit) this.broadcast(fiche, comment);
    return comment;
  }

  /**
   * Tells the group's members. Not the fiche's room: coordinators may join it (they read the fiche),
   * and comments are for the group's members only; clients keep the comments of the fiche they show.
   */
  private broadcast(fiche: FicheRef, comment: FicheComment): void {
    this.hub.emit(rooms.group(fiche.groupId), 'comment:updated', comment);
  }

  /** Tells the domain (notifications of the members mentioned) of a new comment, or of its reply `replyId`. */
  private posted(fiche: FicheRef, comment: FicheComment, replyId: string | null): void {
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
      participantIds: [comment.author.id, ...comment.replies.map((r) => r.author.id)],
    });
  }

  /** Comments with their replies, resolved against the current document for `orphaned` and order. */
  private async load(
    fiche: FicheRef,
    where: { ficheId: string } | { commentId: string },
  ): Promise<FicheComment[]> {
    const rows = await selectComments(this.dataSource.manager, where);
    if (rows.length === 0) return [];
    const repliesOf = await selectReplies(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    const doc = await this.documents.readDocument(fiche.docName);
    try {
      const resolver = new AnchorResolver(doc, FICHE_FRAGMENT);
      const placed = rows.map((row) => ({ row, passage: resolver.resolve(row.anchorStart, row.anchorEnd) }));
      // Document order; orphaned comments keep their creation order after the others.
      placed.sort((a, b) => {
        if (a.passage && b.passage) return a.passage.from - b.passage.from || a.passage.to - b.passage.to;
        return a.passage ? -1 : b.passage ? 1 : 0;
      });
      return placed.map(({ row, passage }) =>
        commentFromRow(row, repliesOf.get(row.id) ?? [], passage === null),
      );
    } finally {
      doc.destroy();
    }
  }
}
