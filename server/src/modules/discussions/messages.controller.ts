import { Id, type Message, MessageBody, type MessageRevision } from '@affluents/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { MessagesService } from './messages.service';

/** The REST bodies: the message comes from the path. */
export const EditMessageBody = z.object({ body: MessageBody }).strict();
export type EditMessageBody = z.infer<typeof EditMessageBody>;
export const MoveMessageBody = z.object({ toThreadId: Id }).strict();
export type MoveMessageBody = z.infer<typeof MoveMessageBody>;

@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Patch(':id')
  edit(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: EditMessageBody }) body: EditMessageBody,
  ): Promise<Message> {
    return this.messages.edit(id, body.body, auth.subject);
  }

  @Delete(':id')
  remove(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<Message> {
    return this.messages.remove(id, auth.subject);
  }

  @Get(':id/revisions')
  revisions(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<MessageRevision[]> {
    return this.messages.revisions(id, auth.subject);
  }

  @Post(':id/hide')
  @HttpCode(200)
  hide(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<Message> {
    return this.messages.setHidden(id, true, auth.subject);
  }

  @Post(':id/unhide')
  @HttpCode(200)
  unhide(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<Message> {
    return this.messages.setHidden(id, false, auth.subject);
  }

  @Post(':id/move')
  @HttpCode(200)
  move(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: MoveMessageBody }) body: MoveMessageBody,
  ): Promise<{ marker: Message; moved: Message }> {
    return this.messages.move(id, body.toThreadId, auth.subject);
  }
}
