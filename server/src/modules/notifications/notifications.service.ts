import type {
  ListNotificationsQuery,
  MarkNotificationsReadRequest,
  Notification,
  NotificationKind,
  NotificationPage,
  NotificationPreferences,
  Subject,
} from '@affluents/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { DiscussionAudience } from '../discussions/discussion-audience';
import { NotificationAudience, type NotificationTopics } from './notification-audience';
import {
  cancelDueEmails,
  countUnread,
  insertNotifications,
  markNotificationsRead,
  notificationFromRow,
  savePreferences,
  selectNotifications,
  selectNotificationTopics,
  selectPreferences,
  selectUnreadAboutMessages,
} from './notification-rows';

/** A notification about to be stored for one recipient. */
export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  actor: { id: string; displayName: string } | null;
  groupId: string | null;
  threadId?: string | null;
  messageId?: string | null;
  ficheId?: string | null;
  link: string;
  title: string;
  excerpt: string;
}

/** Kinds that are emailed when still unread after NOTIFY_MENTION_EMAIL_DELAY_MS. */
export const EMAILED_KINDS: readonly NotificationKind[] = [
  'mention',
  'group_mention',
  'comment_mention',
  'fiche_mention',
];

const DEFAULT_PREFERENCES: NotificationPreferences = { emailMentions: true, dailyDigest: true };

// Keyset cursor: the exact (microsecond) creation time and the id of the last item of a page.
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/;

/** In-app notifications of a member: storing and pushing new ones, listing, reading, preferences. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audience: NotificationAudience,
    private readonly discussions: DiscussionAudience,
    private readonly hub: RealtimeHub,
  ) {}

  /**
   * Stores one notification per draft (a recipient already notified of the same message is skipped, and
   * so is a `followed_thread` for a thread whose previous one is still unread), schedules the email of
   * mentions for those who want it, and pushes each stored one to its recipient's sockets.
   */
  async deliver(drafts: NotificationDraft[]): Promise<Notification[]> {
    if (drafts.length === 0) return [];
    const rows = await insertNotifications(this.dataSource.manager, drafts, {
      emailedKinds: EMAILED_KINDS,
      emailDelayMs: this.config.notifications.mentionEmailDelayMs,
    });
    // A batch holds several drafts per recipient (one per message): rows find theirs by all that differs.
    const keyOf = (d: {
      userId: string;
      kind: string;
      messageId?: string | null;
      ficheId?: string | null;
      link: string;
    }) => [d.userId, d.kind, d.messageId ?? '', d.ficheId ?? '', d.link].join('\n');
    const draftOf = new Map(drafts.map((d) => [keyOf(d), d]));
    const delivered: Notification[] = [];
    for (const row of rows) {
      const draft = draftOf.get(keyOf(row));
      if (!draft) continue;
      const notification: Notification = {
        id: row.id,
        kind: draft.kind,
        actor: draft.actor,
        groupId: draft.groupId,
        link: draft.link,
        title: draft.title,
        excerpt: draft.excerpt,
        createdAt: row.createdAt,
        readAt: null,
      };
      delivered.push(notification);
      try {
        this.hub.emit(rooms.user(row.userId), 'notification:new', notification);
      } catch (err) {
        // Stored already: the member sees it at the next list even if the live push failed.
        this.logger.warn(`live push failed: ${(err as Error).message}`);
      }
    }
    return delivered;
  }

  /**
   * A page of the member's notifications, newest first, with their unread count. Only those about what
   * the member may read now are counted and shown: access lost since (a group left, a grant withdrawn)
   * hides them, access given back shows them again.
   */
  async list(subject: Subject, query: ListNotificationsQuery): Promise<NotificationPage> {
    let after: { createdAt: string; id: string } | null = null;
    if (query.cursor) {
      const match = CURSOR.exec(query.cursor);
      if (!match) throw badRequest('Curseur de pagination invalide');
      after = { createdAt: match[1], id: match[2] };
    }
    const unreadOnly = query.unreadOnly ?? false;
    // What the listed notifications are about covers the unread ones: one answer serves page and count.
    const readable = await this.readable(subject, unreadOnly);
    const rows = await selectNotifications(this.dataSource.manager, subject.userId, {
      limit: query.limit + 1,
      readable,
      unreadOnly,
      after,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(notificationFromRow),
      unreadCount: await countUnread(this.dataSource.manager, subject.userId, readable),
      nextCursor: rows.length > query.limit ? page[page.length - 1].cursor : null,
    };
  }

  /** Number of the member's unread notifications about what they may read now (see `list`). */
  async unreadCount(subject: Subject): Promise<number> {
    return countUnread(this.dataSource.manager, subject.userId, await this.readable(subject, true));
  }

  /** What the member's notifications (only the unread, if asked) are about and they may read now. */
  private async readable(subject: Subject, unreadOnly: boolean): Promise<NotificationTopics> {
    const topics = await selectNotificationTopics(this.dataSource.manager, subject.userId, unreadOnly);
    return this.audience.readableTopics(subject, topics);
  }

  /** Marks some of the member's notifications read (others' ids are ignored), or all of them. */
  async markRead(subject: Subject, request: MarkNotificationsReadRequest): Promise<{ unreadCount: number }> {
    if (request.all) {
      await markNotificationsRead(this.dataSource.manager, subject.userId, { all: true });
    } else if (request.ids && request.ids.length > 0) {
      await markNotificationsRead(this.dataSource.manager, subject.userId, { ids: request.ids });
    } else {
      throw badRequest('Indiquez les notifications à marquer comme lues (ids) ou toutes (all)');
    }
    return { unreadCount: await this.unreadCount(subject) };
  }

  /**
   * The member read a thread up to `seq`: their notifications about messages up to it are read too,
   * so a mention seen in the thread is neither shown as new nor emailed.
   */
  async markThreadRead(userId: string, threadId: string, seq: number): Promise<void> {
    const unread = await selectUnreadAboutMessages(this.dataSource.manager, userId, threadId);
    if (unread.length === 0) return;
    const seqOf = await this.discussions.messageSeqs(unread.map((n) => n.messageId));
    const ids = unread
      .filter((n) => {
        const messageSeq = seqOf.get(n.messageId);
        return messageSeq !== undefined && messageSeq <= seq;
      })
      .map((n) => n.id);
    if (ids.length > 0) await markNotificationsRead(this.dataSource.manager, userId, { ids });
  }

  /** The member's preferences (defaults when never set: both on). */
  async preferences(userId: string): Promise<NotificationPreferences> {
    return (await selectPreferences(this.dataSource.manager, userId)) ?? DEFAULT_PREFERENCES;
  }

  /**
   * Saves the member's preferences. Turning mention emails off also cancels those not sent yet.
   */
  async setPreferences(userId: string, prefs: NotificationPreferences): Promise<NotificationPreferences> {
    await this.dataSource.transaction(async (manager) => {
      await savePreferences(manager, userId, prefs);
      if (!prefs.emailMentions) await cancelDueEmails(manager, userId);
    });
    return this.preferences(userId);
  }
}
