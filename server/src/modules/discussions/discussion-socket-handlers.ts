import { Injectable } from '@nestjs/common';
import { type RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { MessagesService } from './messages.service';
import { ThreadAccess } from './thread-access';

/** A typing signal per user and thread at most this often: the indicator lasts a few seconds anyway. */
const TYPING_INTERVAL_MS = 2000;

/**
 * The discussion events of the Socket.IO protocol. Each handler checks the policy through ThreadAccess
 * (inside the services) and answers with the same data as the REST routes; the hub validates payloads.
 */
@Injectable()
export class DiscussionSocketHandlers {
  private readonly lastTyping = new Map<string, number>();

  constructor(
    private readonly messages: MessagesService,
    private readonly access: ThreadAccess,
  ) {}

  /** Registers every handler and who may be in `thread:<id>` rooms. */
  register(hub: RealtimeHub): void {
    hub.authorizeRooms('thread', (subject, id) => this.access.canView(id, subject));

    hub.handle('thread:join', async (ctx, { threadId, afterSeq, afterChange }) => {
      await this.access.assert(threadId, ctx.subject, 'thread.view');
      // Join first, then read: a message posted in between arrives twice at worst (the client keys by
      // seq), never zero times.
      await ctx.join(rooms.thread(threadId));
      return this.messages.replay(threadId, afterSeq, afterChange, ctx.subject);
    });

    hub.handle('thread:leave', async (ctx, { threadId }) => {
      await ctx.leave(rooms.thread(threadId));
      return null;
    });

    hub.handle('message:send', (ctx, payload) => this.messages.post(payload, ctx.subject));
    hub.handle('message:edit', (ctx, { messageId, body }) =>
      this.messages.edit(messageId, body, ctx.subject),
    );
    hub.handle('message:delete', (ctx, { messageId }) => this.messages.remove(messageId, ctx.subject));
    hub.handle('reaction:set', (ctx, { messageId, emoji, on }) =>
      this.messages.react(messageId, emoji, on, ctx.subject),
    );

    hub.handle('typing:start', async (ctx, { threadId }) => {
      await this.access.assert(threadId, ctx.subject, 'message.post');
      const key = `${ctx.userId}:${threadId}`;
      const now = Date.now();
      if (now - (this.lastTyping.get(key) ?? 0) < TYPING_INTERVAL_MS) return null;
      this.lastTyping.set(key, now);
      if (this.lastTyping.size > 10_000) this.forgetOldTyping(now);
      ctx.toOthers(rooms.thread(threadId), 'typing:started', {
        threadId,
        user: { id: ctx.userId, displayName: ctx.displayName },
      });
      return null;
    });

    hub.handle('read:mark', (ctx, { threadId, seq }) => this.messages.markRead(threadId, seq, ctx.subject));
  }

  private forgetOldTyping(now: number): void {
    for (const [key, at] of this.lastTyping) if (now - at > TYPING_INTERVAL_MS) this.lastTyping.delete(key);
  }
}
