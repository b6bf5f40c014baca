import {
  CreateFicheCommentRequest,
  type FicheComment,
  ListFicheCommentsQuery,
  ReplyFicheCommentRequest,
  ResolveFicheCommentRequest,
  routes,
} from '@affluents/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { FicheCommentsService } from './fiche-comments.service';

const r = routes.comments;

// The group of a fiche is known only once it is loaded, so the service applies the policy.
@Controller()
export class FicheCommentsController {
  constructor(private readonly comments: FicheCommentsService) {}

  @Route(r.list)
  list(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: ListFicheCommentsQuery,
  ): Promise<FicheComment[]> {
    return this.comments.list(id, query, auth.subject);
  }

  @Route(r.create)
  create(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.create(id, body, auth.subject);
  }

  @Route(r.edit)
  edit(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('commentId') commentId: string,
    @Body() body: ReplyFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.edit(id, commentId, body.body, auth.subject);
  }

  @Route(r.remove)
  remove(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('commentId') commentId: string,
  ): Promise<void> {
    return this.comments.remove(id, commentId, auth.subject);
  }

  @Route(r.reply)
  reply(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('commentId') commentId: string,
    @Body() body: ReplyFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.reply(id, commentId, body, auth.subject);
  }

  @Route(r.editReply)
  editReply(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('commentId') commentId: string,
    @Param('replyId') replyId: string,
    @Body() body: ReplyFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.editReply(id, commentId, replyId, body.body, auth.subject);
  }

  @Route(r.removeReply)
  removeReply(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('commentId') commentId: string,
    @Param('replyId') replyId: string,
  ): Promise<FicheComment> {
    return this.comments.removeReply(id, commentId, replyId, auth.subject);
  }

  @Route(r.resolve)
  resolve(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('commentId') commentId: string,
    @Body() body: ResolveFicheCommentRequest,
  ): Promise<FicheComment> {
    return this.comments.resolve(id, commentId, body.resolved, auth.subject);
  }
}
