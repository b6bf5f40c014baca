import type { Message } from '@affluents/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { PostedMessage } from '../../common/events/domain-events';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import type { ThreadUpdate } from './message-batch-writer';
import { messageText } from './message-markdown';
import { ThreadUpdateThrottle } from './thread-update-throttle';

/** What a posted message's domain event needs of its thread. */
type ThreadOfMessage = Pick<ThreadUpdate, 'id' | 'groupId' | 'title'>;

/**
 * What follows committed discussion changes: socket events through the RealtimeHub, and the domain
 * events `message.posted` and `thread.read` on the DomainEventBus (notifications listen). REST and
 * socket handlers share it, so both paths emit the same events.
 */
@Injectable()
export class DiscussionEvents implements OnModuleDestroy {
  private readonly logger = new Logger('Discussions');
  private readonly threadUpdates = new ThreadUpdateThrottle((update) => this.sendThreadUpdate(update));

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: RealtimeHub,
    private readonly bus: DomainEventBus,
  ) {}

  onModuleDestroy(): void {
    this.threadUpdates.close();
  }

  /** A new message: to the thread's room, the thread's new state to its group, then the domain event. */
  async messagePosted(message: Message): Promise<void> {
    this.hub.emit(rooms.thread(message.threadId), 'message:new', message);
    const thread = await this.refreshThread(message.threadId);
    if (thread) this.announce([message], [thread]);
  }

  /**
   * Messages written by one batch, with their threads' states as the batch left them (no re-reading):
   * each message to its thread's room, each thread's state throttled, then the domain events.
   */
  messagesPosted(messages: Message[], threads: ThreadUpdate[]): void {
    for (const message of messages) this.hub.emit(rooms.thread(message.threadId), 'message:new', message);
    for (const thread of threads) this.threadUpdates.offer(thread);
    this.announce(messages, threads);
  }

  /** An edited, deleted, hidden, moved or reacted message. */
  messageUpdated(message: Message): void {
    this.hub.emit(rooms.thread(message.threadId), 'message:updated', message);
  }

  /** The thread's list entry changed (title, pin, lock, status, last message). */
  async threadChanged(threadId: string): Promise<void> {
    await this.refreshThread(threadId);
  }

  /** The user's read position moved: their other tabs and devices follow, and the domain hears of it. */
  readMoved(userId: string, threadId: string, seq: number): void {
    this.hub.emit(rooms.user(userId), 'read', { threadId, seq });
    void this.bus.emit('thread.read', { userId, threadId, seq });
  }

  /** Reads the thread's list entry and sends it at once; null when the thread is gone. */
  private async refreshThread(threadId: string): Promise<ThreadUpdate | null> {
    const [thread]: ThreadUpdate[] & Array<{ lastMessageAt: Date | string | null }> =
      await this.dataSource.query(
        `SELECT id, group_id AS "groupId", title, kind, pinned, locked, status, last_seq AS "lastSeq",
              last_message_at AS "lastMessageAt"
         FROM threads WHERE id = $1`,
        [threadId],
      );
    if (!thread) return null;
    const update: ThreadUpdate = {
      ...thread,
      lastMessageAt: thread.lastMessageAt ? new Date(thread.lastMessageAt).toISOString() : null,
    };
    this.threadUpdates.sentDirectly(update);
    this.sendThreadUpdate(update);
    return update;
  }

  private sendThreadUpdate(update: ThreadUpdate): void {
    // Guests are not in the group's room: they learn about their thread in its own room. One emit to both
    // rooms reaches a member in both once, and crosses Redis once.
    this.hub.emit([rooms.group(update.groupId), rooms.thread(update.id)], 'thread:updated', update);
  }

  /**
   * Emits `message.posted` for each message, in the background: the sender's ack does not wait for the
   * followers' bells. Never throws; a failure is logged.
   */
  private announce(messages: Message[], threads: ThreadOfMessage[]): void {
    this.postedEvents(messages, threads)
      .then((events) => {
        for (const event of events) void this.bus.emit('message.posted', event);
      })
      .catch((err: Error) => this.logger.warn(`message.posted not emitted: ${err.message}`));
  }

  private async postedEvents(messages: Message[], threads: ThreadOfMessage[]): Promise<PostedMessage[]> {
    const threadOf = new Map(threads.map((t) => [t.id, t]));
    // A reply to a deleted message notifies nobody of the reply; the message shows its author all the same.
    const replyIds = messages.flatMap((m) => (m.replyTo ? [m.replyTo.id] : []));
    const liveReplies = new Set<string>();
    if (replyIds.length > 0) {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        'SELECT id FROM messages WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
        [replyIds],
      );
      for (const row of rows) liveReplies.add(row.id);
    }
    return messages.flatMap((m) => {
      const thread = threadOf.get(m.threadId);
      if (!thread) return [];
      return [
        {
          messageId: m.id,
          threadId: m.threadId,
          groupId: thread.groupId,
          threadTitle: thread.title,
          seq: m.seq,
          author: m.author,
          text: messageText(m.body),
          mentions: m.mentions,
          mentionsGroup: m.mentionsGroup,
          repliedToAuthorId: m.replyTo && liveReplies.has(m.replyTo.id) ? m.replyTo.author.id : null,
        },
      ];
    });
  }
}
