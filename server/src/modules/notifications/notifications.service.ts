import type {
  ListNotificationsQuery,
  MarkNotificationsReadRequest,
  Notification,
  NotificationKind,
  NotificationPage,
  NotificationPreferences,
  Subject,
  UpdateNotificationPreferencesRequest,
} from '@affluents/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { DeliveredNotification } from '../../common/events/domain-events';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { DiscussionAudience } from '../discussions/discussion-audience';
import { NotificationAudience, type NotificationTopics } from './notification-audience';
import { NotificationChoices } from './notification-choices';
import {
  countUnread,
  insertNotifications,
  markNotificationsRead,
  notificationFromRow,
  selectNotifications,
  selectNotificationTopics,
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
  /** The meeting it is about (its date poll, dates, minutes, actions): listing re-checks it is visible. */
  meetingId?: string | null;
  link: string;
  title: string;
  excerpt: string;
  /**
   * Its email went out already by another channel (a meeting's invitation or change, with its calendar
   * file, by MeetingMailer): no generic email when still unread, which would say it twice.
   */
  emailedElsewhere?: boolean;
}

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
    private readonly choices: NotificationChoices,
    private readonly events: DomainEventBus,
  ) {}

  /**
   * Stores one notification per draft whose recipient wants that kind (a recipient already notified of
   * the same message is skipped, and so is a `followed_thread` for a thread whose previous one is still
   * unread), schedules its email when the recipient chose email for that kind, pushes each stored one to
   * its recipient's sockets and tells the other channels (`notifications.delivered`, with the phone
   * choice of each).
   */
  async deliver(allDrafts: NotificationDraft[]): Promise<Notification[]> {
    if (allDrafts.length === 0) return [];
    const choices = await this.choices.of([...new Set(allDrafts.map((d) => d.userId))]);
    const choiceOf = (d: NotificationDraft) => choices.get(d.userId)?.[d.kind];
    // 'none': not stored at all.
    const drafts = allDrafts.filter((d) => choiceOf(d)?.delivery !== 'none');
    if (drafts.length === 0) return [];
    const rows = await insertNotifications(
      this.dataSource.manager,
      drafts.map((d) => ({
        ...d,
        emailDue: choiceOf(d)?.delivery === 'email' && !d.emailedElsewhere,
      })),
      this.config.notifications.mentionEmailDelayMs,
    );
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
    const stored: DeliveredNotification[] = [];
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
      stored.push({
        id: row.id,
        userId: row.userId,
        kind: draft.kind,
        title: draft.title,
        excerpt: draft.excerpt,
        link: draft.link,
        push: choiceOf(draft)?.push ?? false,
      });
      try {
        this.hub.emit(rooms.user(row.userId), 'notification:new', notification);
      } catch (err) {
        // Stored already: the member sees it at the next list even if the live push failed.
        this.logger.warn(`live push failed: ${(err as Error).message}`);
      }
    }
    if (stored.length > 0) void this.events.emit('notifications.delivered', { notifications: stored });
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

  /** The member's preferences: every kind's choice (the defaults for those never chosen) and the digest. */
  preferences(userId: string): Promise<NotificationPreferences> {
    return this.choices.preferences(userId);
  }

  /**
   * Saves the kinds given (the others keep their choice) and the digest. A kind no longer wanted by email
   * also cancels its emails not sent yet.
   */
  setPreferences(
    userId: string,
    request: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferences> {
    return this.choices.update(userId, request);
  }
}
