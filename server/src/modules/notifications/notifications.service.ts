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
import { NotificationAudience } from './notification-audience';

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

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  actorId: string | null;
  actorName: string | null;
  groupId: string | null;
  link: string;
  title: string;
  excerpt: string;
  createdAt: Date;
  readAt: Date | null;
  cursor: string;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  actor: r.actorId ? { id: r.actorId, displayName: r.actorName ?? '' } : null,
  groupId: r.groupId,
  link: r.link,
  title: r.title,
  excerpt: r.excerpt,
  createdAt: new Date(r.createdAt).toISOString(),
  readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
});

/** In-app notifications of a member: storing and pushing new ones, listing, reading, preferences. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audience: NotificationAudience,
    private readonly hub: RealtimeHub,
  ) {}

  /**
   * Stores one notification per draft (a recipient already notified of the same message is skipped, and
   * so is a `followed_thread` for a thread whose previous one is still unread), schedules the email of
   * mentions for those who want it, and pushes each stored one to its recipient's sockets.
   */
  async deliver(drafts: NotificationDraft[]): Promise<Notification[]> {
    if (drafts.length === 0) return [];
    const col = <K extends keyof NotificationDraft>(key: K) => drafts.map((d) => d[key] ?? null);
    const rows = (await this.dataSource.query(
      `INSERT INTO notifications (user_id, kind, actor_id, group_id, thread_id, message_id, fiche_id, link, title,
                                  excerpt, email_due_at)
       SELECT d.user_id, d.kind, d.actor_id, d.group_id, d.thread_id, d.message_id, d.fiche_id, d.link, d.title,
              d.excerpt,
              CASE WHEN d.kind = ANY($11::text[]) AND COALESCE(p.email_mentions, true)
                   THEN now() + make_interval(secs => $12::double precision / 1000) END
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[],
                     $9::text[], $10::text[])
              AS d(user_id, kind, actor_id, group_id, thread_id, message_id, fiche_id, link, title, excerpt)
         LEFT JOIN notification_preferences p ON p.user_id = d.user_id
        WHERE d.message_id IS NULL
           OR NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = d.user_id AND n.message_id = d.message_id)
       ON CONFLICT DO NOTHING
       RETURNING id, user_id AS "userId", kind, message_id AS "messageId", fiche_id AS "ficheId", link,
                 created_at AS "createdAt"`,
      [
        col('userId'),
        col('kind'),
        drafts.map((d) => d.actor?.id ?? null),
        col('groupId'),
        col('threadId'),
        col('messageId'),
        col('ficheId'),
        col('link'),
        col('title'),
        col('excerpt'),
        EMAILED_KINDS,
        this.config.notifications.mentionEmailDelayMs,
      ],
    )) as Array<{
      id: string;
      userId: string;
      kind: string;
      messageId: string | null;
      ficheId: string | null;
      link: string;
      createdAt: Date;
    }>;
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
        createdAt: new Date(row.createdAt).toISOString(),
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
    const readable = this.audience.readableBy(subject, 3);
    const params: unknown[] = [subject.userId, query.limit + 1, ...readable.params];
    const where = ['n.user_id = $1', readable.sql];
    if (query.unreadOnly) where.push('n.read_at IS NULL');
    if (query.cursor) {
      const match = CURSOR.exec(query.cursor);
      if (!match) throw badRequest('Curseur de pagination invalide');
      params.push(match[1], match[2]);
      where.push(`(n.created_at, n.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.kind, n.actor_id AS "actorId", a.display_name AS "actorName", n.group_id AS "groupId",
              n.link, n.title, n.excerpt, n.created_at AS "createdAt", n.read_at AS "readAt",
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || n.id AS cursor
         FROM notifications n LEFT JOIN users a ON a.id = n.actor_id
        WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $2`,
      params,
    )) as NotificationRow[];
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toNotification),
      unreadCount: await this.unreadCount(subject),
      nextCursor: rows.length > query.limit ? page[page.length - 1].cursor : null,
    };
  }

  /** Number of the member's unread notifications about what they may read now (see `list`). */
  async unreadCount(subject: Subject): Promise<number> {
    const readable = this.audience.readableBy(subject, 2);
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications n
        WHERE n.user_id = $1 AND n.read_at IS NULL AND ${readable.sql}`,
      [subject.userId, ...readable.params],
    )) as Array<{ n: number }>;
    return row.n;
  }

  /** Marks some of the member's notifications read (others' ids are ignored), or all of them. */
  async markRead(subject: Subject, request: MarkNotificationsReadRequest): Promise<{ unreadCount: number }> {
    const userId = subject.userId;
    if (request.all) {
      await this.dataSource.query(
        'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
        [userId],
      );
    } else if (request.ids && request.ids.length > 0) {
      await this.dataSource.query(
        'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL',
        [userId, request.ids],
      );
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
    await this.dataSource.query(
      `UPDATE notifications n SET read_at = now()
         FROM messages m
        WHERE n.user_id = $1 AND n.thread_id = $2 AND n.read_at IS NULL
          AND m.id = n.message_id AND m.seq <= $3`,
      [userId, threadId, seq],
    );
  }

  /** The member's preferences (defaults when never set: both on). */
  async preferences(userId: string): Promise<NotificationPreferences> {
    const [row] = (await this.dataSource.query(
      `SELECT email_mentions AS "emailMentions", daily_digest AS "dailyDigest"
         FROM notification_preferences WHERE user_id = $1`,
      [userId],
    )) as NotificationPreferences[];
    return row ? { emailMentions: row.emailMentions, dailyDigest: row.dailyDigest } : DEFAULT_PREFERENCES;
  }

  /**
   * Saves the member's preferences. Turning mention emails off also cancels those not sent yet.
   */
  async setPreferences(userId: string, prefs: NotificationPreferences): Promise<NotificationPreferences> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO notification_preferences (user_id, email_mentions, daily_digest) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET email_mentions = $2, daily_digest = $3`,
        [userId, prefs.emailMentions, prefs.dailyDigest],
      );
      if (!prefs.emailMentions) {
        await manager.query(
          `UPDATE notifications SET email_due_at = NULL
            WHERE user_id = $1 AND email_due_at IS NOT NULL AND emailed_at IS NULL`,
          [userId],
        );
      }
    });
    return this.preferences(userId);
  }
}
