import type { Message, ServerEvents } from '@affluents/contracts';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { NotificationsService } from '../notifications/notifications.service';
import { Notifier } from '../notifications/notifier';

type ThreadUpdate = Parameters<ServerEvents['thread:updated']>[0];

/**
 * The live side effects of committed discussion changes: socket events through the RealtimeHub and the
 * notifier. REST and socket handlers share it, so both paths emit the same events.
 */
@Injectable()
export class DiscussionEvents {
  private readonly logger = new Logger('Discussions');

  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly hub?: RealtimeHub,
    @Optional() private readonly notifier?: Notifier,
    @Optional() private readonly notifications?: NotificationsService,
  ) {}

  /** A new message: to the thread's room, the thread's new state to its group, then notifications. */
  async messagePosted(message: Message): Promise<void> {
    this.hub?.emit(rooms.thread(message.threadId), 'message:new', message);
    await this.threadChanged(message.threadId);
    // The notifier never throws by contract; the catch keeps a broken one from failing the sender.
    await this.notifier?.messagePosted(message.id).catch((err: Error) => this.logger.warn(err.message));
  }

  /** An edited, deleted, hidden, moved or reacted message. */
  messageUpdated(message: Message): void {
    this.hub?.emit(rooms.thread(message.threadId), 'message:updated', message);
  }

  /** The thread's list entry changed (title, pin, lock, status, last message). */
  async threadChanged(threadId: string): Promise<void> {
    if (!this.hub) return;
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
    this.hub.emit(rooms.group(update.groupId), 'thread:updated', update);
    // Guests are not in the group's room: they learn about their thread in its own room.
    this.hub.emit(rooms.thread(threadId), 'thread:updated', update);
  }

  /** The user's read position moved: their other tabs and devices follow. */
  readMoved(userId: string, threadId: string, seq: number): void {
    this.hub?.emit(rooms.user(userId), 'read', { threadId, seq });
    // A mention read in its thread is read: it leaves the bell and is not emailed later.
    void this.notifications
      ?.markThreadRead(userId, threadId, seq)
      .catch((err: Error) => this.logger.warn(`notifications of a read thread: ${err.message}`));
  }

  /** A grant was withdrawn: the user's sockets leave the rooms they may no longer be in. */
  async accessChanged(userId: string): Promise<void> {
    await this.hub?.revalidateUser(userId).catch((err: Error) => this.logger.warn(err.message));
  }
}
