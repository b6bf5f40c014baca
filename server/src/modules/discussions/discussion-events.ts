import type { Message } from '@affluents/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { NotificationsService } from '../notifications/notifications.service';
import { Notifier } from '../notifications/notifier';
import type { ThreadUpdate } from './message-batch-writer';
import { ThreadUpdateThrottle } from './thread-update-throttle';

/**
 * The live side effects of committed discussion changes: socket events through the RealtimeHub and the
 * notifier. REST and socket handlers share it, so both paths emit the same events.
 */
@Injectable()
export class DiscussionEvents implements OnModuleDestroy {
  private readonly logger = new Logger('Discussions');
  private readonly threadUpdates = new ThreadUpdateThrottle((update) => this.sendThreadUpdate(update));

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: RealtimeHub,
    private readonly notifier: Notifier,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleDestroy(): void {
    this.threadUpdates.close();
  }

  /** A new message: to the thread's room, the thread's new state to its group, then notifications. */
  async messagePosted(message: Message): Promise<void> {
    this.hub.emit(rooms.thread(message.threadId), 'message:new', message);
    await this.threadChanged(message.threadId);
    this.notify(message);
  }

  /**
   * Messages written by one batch, with their threads' states as the batch left them (no re-reading):
   * each message to its thread's room, each thread's state throttled, then notifications.
   */
  messagesPosted(messages: Message[], threads: ThreadUpdate[]): void {
    for (const message of messages) this.hub.emit(rooms.thread(message.threadId), 'message:new', message);
    for (const thread of threads) this.threadUpdates.offer(thread);
    for (const message of messages) this.notify(message);
  }

  /**
   * Notifications are not awaited: the sender's ack does not wait for the followers' bells (the notifier
   * batches them). It never throws by contract; the catch keeps a broken one from failing anything.
   */
  private notify(message: Message): void {
    void this.notifier.messagePosted(message.id).catch((err: Error) => this.logger.warn(err.message));
  }

  /** An edited, deleted, hidden, moved or reacted message. */
  messageUpdated(message: Message): void {
    this.hub.emit(rooms.thread(message.threadId), 'message:updated', message);
  }

  /** The thread's list entry changed (title, pin, lock, status, last message). */
  async threadChanged(threadId: string): Promise<void> {
    const [thread]: ThreadUpdate[] & Array<{ lastMessageAt: Date | string | null }> =
      await this.dataSource.query(
        `SELECT id, group_id AS "groupId", title, kind, pinned, locked, status, last_seq AS "lastSeq",
              last_message_at AS "lastMessageAt"
         FROM threads WHERE id = $1`,
        [threadId],
      );
    if (!thread) return;
    const update: ThreadUpdate = {
      ...thread,
      lastMessageAt: thread.lastMessageAt ? new Date(thread.lastMessageAt).toISOString() : null,
    };
    this.threadUpdates.sentDirectly(update);
    this.sendThreadUpdate(update);
  }

  private sendThreadUpdate(update: ThreadUpdate): void {
    // Guests are not in the group's room: they learn about their thread in its own room. One emit to both
    // rooms reaches a member in both once, and crosses Redis once.
    this.hub.emit([rooms.group(update.groupId), rooms.thread(update.id)], 'thread:updated', update);
  }

  /** The user's read position moved: their other tabs and devices follow. */
  readMoved(userId: string, threadId: string, seq: number): void {
    this.hub.emit(rooms.user(userId), 'read:moved', { threadId, seq });
    // A mention read in its thread is read: it leaves the bell and is not emailed later.
    void this.notifications
      ?.markThreadRead(userId, threadId, seq)
      .catch((err: Error) => this.logger.warn(`notifications of a read thread: ${err.message}`));
  }
}
