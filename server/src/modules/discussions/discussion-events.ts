import type { Message } from '@affluents/contracts';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import type { ThreadUpdate } from './message-batch-writer';
import { selectThreadUpdate } from './thread-rows';
import { ThreadUpdateThrottle } from './thread-update-throttle';

/** A message just stored, with the plain text its rendering gave (search, excerpts). */
interface PostedText {
  message: Message;
  text: string;
}

/** What a posted message's domain event needs of its thread. */
type ThreadOfMessage = Pick<ThreadUpdate, 'id' | 'groupId' | 'title'>;

/**
 * What follows committed discussion changes: socket events through the RealtimeHub, and the domain
 * events `message.posted` and `thread.read` on the DomainEventBus (notifications listen). REST and
 * socket handlers share it, so both paths emit the same events.
 */
@Injectable()
export class DiscussionEvents implements OnModuleDestroy {
  private readonly threadUpdates = new ThreadUpdateThrottle((update) => this.sendThreadUpdate(update));

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: RealtimeHub,
    private readonly bus: DomainEventBus,
  ) {}

  onModuleDestroy(): void {
    this.threadUpdates.close();
  }

  /**
   * A new message (`text`: its plain text, as rendered): to the thread's room, the thread's new state to
   * its group, then the domain event.
   */
  async messagePosted(message: Message, text: string): Promise<void> {
    this.hub.emit(rooms.thread(message.threadId), 'message:new', message);
    const thread = await this.refreshThread(message.threadId);
    if (thread) this.announce([{ message, text }], [thread]);
  }

  /**
   * Messages written by one batch, with their threads' states as the batch left them (no re-reading):
   * each message to its thread's room, each thread's state throttled, then the domain events.
   */
  messagesPosted(posted: PostedText[], threads: ThreadUpdate[]): void {
    for (const { message } of posted) this.hub.emit(rooms.thread(message.threadId), 'message:new', message);
    for (const thread of threads) this.threadUpdates.offer(thread);
    this.announce(posted, threads);
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
    this.hub.emit(rooms.user(userId), 'read:moved', { threadId, seq });
    void this.bus.emit('thread.read', { userId, threadId, seq });
  }

  /** Reads the thread's list entry and sends it at once; null when the thread is gone. */
  private async refreshThread(threadId: string): Promise<ThreadUpdate | null> {
    const update = await selectThreadUpdate(this.dataSource.manager, threadId);
    if (!update) return null;
    this.threadUpdates.sentDirectly(update);
    this.sendThreadUpdate(update);
    return update;
  }

  private sendThreadUpdate(update: ThreadUpdate): void {
    // Guests are not in the group's room: they learn about their thread in its own room. One emit to both
    // rooms reaches a member in both once, and crosses Redis once.
    this.hub.emit([rooms.group(update.groupId), rooms.thread(update.id)], 'thread:updated', update);
  }

  /** Emits `message.posted` for each message: the sender's ack does not wait for the followers' bells. */
  private announce(posted: PostedText[], threads: ThreadOfMessage[]): void {
    const threadOf = new Map(threads.map((t) => [t.id, t]));
    for (const { message: m, text } of posted) {
      const thread = threadOf.get(m.threadId);
      if (!thread) continue;
      void this.bus.emit('message.posted', {
        messageId: m.id,
        threadId: m.threadId,
        groupId: thread.groupId,
        threadTitle: thread.title,
        seq: m.seq,
        author: m.author,
        text,
        mentions: m.mentions,
        mentionsGroup: m.mentionsGroup,
        replyTo: m.replyTo ? { messageId: m.replyTo.id, authorId: m.replyTo.author.id } : null,
      });
    }
  }
}
