import {
  CreateFicheCommentRequest,
  type FicheComment,
  Id,
  ListFicheCommentsQuery,
  ReplyFicheCommentRequest,
  ResolveFicheCommentRequest,
} from '@affluents/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { FicheCommentsService } from './fiche-comments.service';

// The group of a fiche is known only once it is loaded, so the service applies the policy.
@Controller('fiches/:id/comments')
export class FicheCommentsController {
  constructor(private readonly comments: FicheCommentsService) {}

  @Get()
  list(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: ListFicheCommentsQuery }) query: ListFicheCommentsQuery,
  ): Promise<FicheComment[]> {
    return this.comments.list(id, query, auth.subject);
  }

  @Post()
  create(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: CreateFicheCommentRequest }) body: CreateFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.create(id, body, auth.subject);
  }

  @Patch(':commentId')
  edit(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('commentId', { schema: Id }) commentId: string,
    @Body({ schema: ReplyFicheCommentRequest }) body: ReplyFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.edit(id, commentId, body.body, auth.subject);
  }

  @Delete(':commentId')
  @HttpCode(204)
  remove(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('commentId', { schema: Id }) commentId: string,
  ): Promise<void> {
    return this.comments.remove(id, commentId, auth.subject);
  }

  @Post(':commentId/replies')
  reply(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('commentId', { schema: Id }) commentId: string,
    @Body({ schema: ReplyFicheCommentRequest }) body: ReplyFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.reply(id, commentId, body.body, auth.subject);
  }

  @Patch(':commentId/replies/:replyId')
  editReply(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('commentId', { schema: Id }) commentId: string,
    @Param('replyId', { schema: Id }) replyId: string,
    @Body({ schema: ReplyFicheCommentRequest }) body: ReplyFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.editReply(id, commentId, replyId, body.body, auth.subject);
  }

  @Delete(':commentId/replies/:replyId')
  removeReply(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('commentId', { schema: Id }) commentId: string,
    @Param('replyId', { schema: Id }) replyId: string,
  ): Promise<FicheComment> {
    return this.comments.removeReply(id, commentId, replyId, auth.subject);
  }

  @Post(':commentId/resolve')
  @HttpCode(200)
  resolve(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('commentId', { schema: Id }) commentId: string,
    @Body({ schema: ResolveFicheCommentRequest }) body: ResolveFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.resolve(id, commentId, body.resolved, auth.subject);
  }
}
