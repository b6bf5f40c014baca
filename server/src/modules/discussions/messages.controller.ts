import {
  type EditMessageBody,
  type Message,
  type MessageRevision,
  type MoveMessageBody,
  routes,
} from '@affluents/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { MessagesService } from './messages.service';

const r = routes.discussions;

@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Route(r.edit)
  edit(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: EditMessageBody): Promise<Message> {
    return this.messages.edit(id, body.body, auth.subject);
  }

  @Route(r.remove)
  remove(@Auth() auth: AuthContext, @Param('id') id: string): Promise<Message> {
    return this.messages.remove(id, auth.subject);
  }

  @Route(r.revisions)
  revisions(@Auth() auth: AuthContext, @Param('id') id: string): Promise<MessageRevision[]> {
    return this.messages.revisions(id, auth.subject);
  }

  @Route(r.hide)
  hide(@Auth() auth: AuthContext, @Param('id') id: string): Promise<Message> {
    return this.messages.setHidden(id, true, auth.subject);
  }

  @Route(r.unhide)
  unhide(@Auth() auth: AuthContext, @Param('id') id: string): Promise<Message> {
    return this.messages.setHidden(id, false, auth.subject);
  }

  @Route(r.move)
  move(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: MoveMessageBody,
  ): Promise<{ marker: Message; moved: Message }> {
    return this.messages.move(id, body.toThreadId, auth.subject);
  }
}
