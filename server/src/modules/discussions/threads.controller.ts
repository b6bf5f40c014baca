import {
  CreateThreadRequest,
  GrantThreadAccessRequest,
  GroupDiscussionSettings,
  ListMessagesQuery,
  ListThreadsQuery,
  type MarkReadBody,
  type Message,
  type MessagePage,
  type PersonRef,
  type PostMessageBody,
  routes,
  SetFollowRequest,
  type ThreadAccessGrant,
  type ThreadDetail,
  type ThreadPage,
  UpdateThreadRequest,
} from '@affluents/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { MessagesService } from './messages.service';
import { ThreadsService } from './threads.service';

const r = routes.discussions;

// A thread's group is known only once it is loaded, so the services apply the policy (ThreadAccess).
@Controller()
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
  ) {}

  @Route(r.list)
  list(
    @Auth() auth: AuthContext,
    @Param('groupId') groupId: string,
    @Query() query: ListThreadsQuery,
  ): Promise<ThreadPage> {
    return this.threads.list(groupId, query, auth.subject);
  }

  @Route(r.create)
  create(
    @Auth() auth: AuthContext,
    @Param('groupId') groupId: string,
    @Body() body: CreateThreadRequest,
  ): Promise<ThreadDetail> {
    return this.threads.create(groupId, body, auth.subject);
  }

  @Route(r.settings)
  settings(@Auth() auth: AuthContext, @Param('groupId') groupId: string): Promise<GroupDiscussionSettings> {
    return this.threads.settings(groupId, auth.subject);
  }

  @Route(r.saveSettings)
  saveSettings(
    @Auth() auth: AuthContext,
    @Param('groupId') groupId: string,
    @Body() body: GroupDiscussionSettings,
  ): Promise<GroupDiscussionSettings> {
    return this.threads.saveSettings(groupId, body, auth.subject);
  }

  @Route(r.detail)
  detail(@Auth() auth: AuthContext, @Param('id') id: string): Promise<ThreadDetail> {
    return this.threads.detail(id, auth.subject);
  }

  @Route(r.update)
  update(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: UpdateThreadRequest,
  ): Promise<ThreadDetail> {
    return this.threads.update(id, body, auth.subject);
  }

  @Route(r.messagesPage)
  messagesPage(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: ListMessagesQuery,
  ): Promise<MessagePage> {
    return this.messages.list(id, query, auth.subject);
  }

  @Route(r.post)
  post(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: PostMessageBody): Promise<Message> {
    return this.messages.post({ ...body, threadId: id }, auth.subject);
  }

  @Route(r.follow)
  follow(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: SetFollowRequest,
  ): Promise<ThreadDetail> {
    return this.threads.setFollow(id, body.follow, auth.subject);
  }

  @Route(r.read)
  read(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: MarkReadBody,
  ): Promise<{ threadId: string; seq: number }> {
    return this.messages.markRead(id, body.seq, auth.subject);
  }

  @Route(r.grants)
  grants(@Auth() auth: AuthContext, @Param('id') id: string): Promise<ThreadAccessGrant[]> {
    return this.threads.grants(id, auth.subject);
  }

  @Route(r.formerParticipants)
  formerParticipants(@Auth() auth: AuthContext, @Param('id') id: string): Promise<PersonRef[]> {
    return this.threads.formerParticipants(id, auth.subject);
  }

  @Route(r.grant)
  grant(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: GrantThreadAccessRequest,
  ): Promise<ThreadAccessGrant[]> {
    return this.threads.grant(id, body, auth.subject);
  }

  @Route(r.revoke)
  revoke(@Auth() auth: AuthContext, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    return this.threads.revoke(id, userId, auth.subject);
  }

  @Route(r.ficheThread)
  ficheThread(@Auth() auth: AuthContext, @Param('id') id: string): Promise<ThreadDetail> {
    return this.threads.ficheThread(id, auth.subject);
  }
}
