import {
  CreateThreadRequest,
  GrantThreadAccessRequest,
  GroupDiscussionSettings,
  Id,
  ListMessagesQuery,
  ListThreadsQuery,
  type Message,
  type MessagePage,
  type PersonRef,
  SendMessageRequest,
  SetFollowRequest,
  type ThreadAccessGrant,
  type ThreadDetail,
  type ThreadPage,
  UpdateThreadRequest,
} from '@affluents/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { MessagesService } from './messages.service';
import { ThreadsService } from './threads.service';

/** The REST body of a message: the thread comes from the path. */
export const PostMessageBody = SendMessageRequest.omit({ threadId: true });
export type PostMessageBody = z.infer<typeof PostMessageBody>;
/** The REST body of a read marker: the thread comes from the path. */
export const MarkReadBody = z.object({ seq: z.number().int().min(0) }).strict();
export type MarkReadBody = z.infer<typeof MarkReadBody>;

// A thread's group is known only once it is loaded, so the services apply the policy (ThreadAccess).
@Controller()
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
  ) {}

  @Get('groups/:groupId/threads')
  list(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Query({ schema: ListThreadsQuery }) query: ListThreadsQuery,
  ): Promise<ThreadPage> {
    return this.threads.list(groupId, query, auth.subject);
  }

  @Post('groups/:groupId/threads')
  create(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Body({ schema: CreateThreadRequest }) body: CreateThreadRequest,
  ): Promise<ThreadDetail> {
    return this.threads.create(groupId, body, auth.subject);
  }

  @Get('groups/:groupId/discussion-settings')
  settings(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
  ): Promise<GroupDiscussionSettings> {
    return this.threads.settings(groupId, auth.subject);
  }

  @Put('groups/:groupId/discussion-settings')
  saveSettings(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Body({ schema: GroupDiscussionSettings }) body: GroupDiscussionSettings,
  ): Promise<GroupDiscussionSettings> {
    return this.threads.saveSettings(groupId, body, auth.subject);
  }

  @Get('threads/:id')
  detail(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<ThreadDetail> {
    return this.threads.detail(id, auth.subject);
  }

  @Patch('threads/:id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: UpdateThreadRequest }) body: UpdateThreadRequest,
  ): Promise<ThreadDetail> {
    return this.threads.update(id, body, auth.subject);
  }

  @Get('threads/:id/messages')
  messagesPage(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: ListMessagesQuery }) query: ListMessagesQuery,
  ): Promise<MessagePage> {
    return this.messages.list(id, query, auth.subject);
  }

  @Post('threads/:id/messages')
  post(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: PostMessageBody }) body: PostMessageBody,
  ): Promise<Message> {
    return this.messages.post({ ...body, threadId: id }, auth.subject);
  }

  @Put('threads/:id/follow')
  follow(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: SetFollowRequest }) body: SetFollowRequest,
  ): Promise<ThreadDetail> {
    return this.threads.setFollow(id, body.follow, auth.subject);
  }

  @Post('threads/:id/read')
  @HttpCode(200)
  read(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: MarkReadBody }) body: MarkReadBody,
  ): Promise<{ threadId: string; seq: number }> {
    return this.messages.markRead(id, body.seq, auth.subject);
  }

  @Get('threads/:id/access-grants')
  grants(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<ThreadAccessGrant[]> {
    return this.threads.grants(id, auth.subject);
  }

  @Get('threads/:id/former-participants')
  formerParticipants(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
  ): Promise<PersonRef[]> {
    return this.threads.formerParticipants(id, auth.subject);
  }

  @Post('threads/:id/access-grants')
  grant(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: GrantThreadAccessRequest }) body: GrantThreadAccessRequest,
  ): Promise<ThreadAccessGrant[]> {
    return this.threads.grant(id, body, auth.subject);
  }

  @Delete('threads/:id/access-grants/:userId')
  @HttpCode(204)
  revoke(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('userId', { schema: Id }) userId: string,
  ): Promise<void> {
    return this.threads.revoke(id, userId, auth.subject);
  }

  @Get('fiches/:id/thread')
  ficheThread(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<ThreadDetail> {
    return this.threads.ficheThread(id, auth.subject);
  }
}
