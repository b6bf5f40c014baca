import type { Notification, NotificationKind } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';
import type { NotificationTopics } from './notification-audience';
import type { NotificationDraft } from './notifications.service';

/** One notification as `selectNotifications` reads it, with its keyset cursor. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  actorId: string | null;
  /** The actor's name, from identity's published view `user_cards`. */
  actorName: string | null;
  groupId: string | null;
  link: string;
  title: string;
  excerpt: string;
  createdAt: Date;
  readAt: Date | null;
  cursor: string;
}

/** The notification of a row. */
export function notificationFromRow(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind,
    actor: r.actorId ? { id: r.actorId, displayName: r.actorName ?? '' } : null,
    groupId: r.groupId,
    link: r.link,
    title: r.title,
    excerpt: r.excerpt,
    createdAt: toIso(r.createdAt),
    readAt: toIso(r.readAt),
  };
}

/** A stored notification as `insertNotifications` returns it. */
export interface InsertedNotification {
  id: string;
  userId: string;
  kind: string;
  messageId: string | null;
  ficheId: string | null;
  link: string;
  createdAt: string;
}

/**
 * Stores one notification per draft, skipping a recipient already notified of the same message (and
 * whatever a unique index refuses); a draft with `emailDue` gets an email due after `emailDelayMs`.
 */
export async function insertNotifications(
  manager: EntityManager,
  drafts: Array<NotificationDraft & { emailDue: boolean }>,
  emailDelayMs: number,
): Promise<InsertedNotification[]> {
  const col = <K extends keyof NotificationDraft>(key: K) => drafts.map((d) => d[key] ?? null);
  const rows: Array<Omit<InsertedNotification, 'createdAt'> & { createdAt: Date }> = await manager.query(
    `INSERT INTO notifications (user_id, kind, actor_id, group_id, thread_id, message_id, fiche_id, meeting_id,
                                link, title, excerpt, email_due_at)
     SELECT d.user_id, d.kind, d.actor_id, d.group_id, d.thread_id, d.message_id, d.fiche_id, d.meeting_id,
            d.link, d.title, d.excerpt,
            CASE WHEN d.email_due THEN now() + make_interval(secs => $13::double precision / 1000) END
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[],
                   $9::text[], $10::text[], $11::text[], $12::boolean[])
            AS d(user_id, kind, actor_id, group_id, thread_id, message_id, fiche_id, meeting_id, link, title,
                 excerpt, email_due)
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
      col('meetingId'),
      col('link'),
      col('title'),
      col('excerpt'),
      drafts.map((d) => d.emailDue),
      emailDelayMs,
    ],
  );
  return rows.map((r) => ({ ...r, createdAt: toIso(r.createdAt) }));
}

/**
 * What a member's notifications are about (only the unread ones, when asked): each thread once, each
 * fiche of those about no thread once, and each meeting of those about neither once.
 */
export async function selectNotificationTopics(
  manager: EntityManager,
  userId: string,
  unreadOnly: boolean,
): Promise<NotificationTopics> {
  const rows: Array<{ threadId: string | null; ficheId: string | null; meetingId: string | null }> =
    await manager.query(
      `SELECT DISTINCT thread_id AS "threadId", CASE WHEN thread_id IS NULL THEN fiche_id END AS "ficheId",
              CASE WHEN thread_id IS NULL AND fiche_id IS NULL THEN meeting_id END AS "meetingId"
         FROM notifications WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)`,
      [userId, unreadOnly],
    );
  return {
    threadIds: rows.flatMap((r) => (r.threadId ? [r.threadId] : [])),
    ficheIds: rows.flatMap((r) => (r.ficheId ? [r.ficheId] : [])),
    meetingIds: rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])),
  };
}

/**
 * The SQL condition on a notification `n`: true when what it is about is among `readable` (its thread, or
 * its fiche when it is about no thread, or its meeting when about neither), with its three parameters
 * numbered from `at`. Every kind is about one of them; one about none has nothing to check against: hidden.
 */
function readableCondition(at: number): string {
  return `CASE WHEN n.thread_id IS NOT NULL THEN n.thread_id = ANY($${at}::uuid[])
               WHEN n.fiche_id IS NOT NULL THEN n.fiche_id = ANY($${at + 1}::uuid[])
               WHEN n.meeting_id IS NOT NULL THEN n.meeting_id = ANY($${at + 2}::uuid[])
               ELSE false END`;
}

/**
 * A page of a member's notifications, newest first: `limit` rows after the keyset `cursor` (creation time
 * with microseconds, id), only those about the `readable` threads and fiches and, when asked, only the
 * unread, with the cursor of each.
 */
export async function selectNotifications(
  manager: EntityManager,
  userId: string,
  page: {
    limit: number;
    readable: NotificationTopics;
    unreadOnly: boolean;
    after: { createdAt: string; id: string } | null;
  },
): Promise<NotificationRow[]> {
  const params: unknown[] = [
    userId,
    page.limit,
    page.readable.threadIds,
    page.readable.ficheIds,
    page.readable.meetingIds,
  ];
  const where = ['n.user_id = $1', readableCondition(3)];
  if (page.unreadOnly) where.push('n.read_at IS NULL');
  if (page.after) {
    params.push(page.after.createdAt, page.after.id);
    where.push(`(n.created_at, n.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  return manager.query(
    `SELECT n.id, n.kind, n.actor_id AS "actorId", a.display_name AS "actorName", n.group_id AS "groupId",
            n.link, n.title, n.excerpt, n.created_at AS "createdAt", n.read_at AS "readAt",
            to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || n.id AS cursor
       FROM notifications n
       LEFT JOIN user_cards a ON a.id = n.actor_id
      WHERE ${where.join(' AND ')}
      ORDER BY n.created_at DESC, n.id DESC
      LIMIT $2`,
    params,
  );
}

/** Number of a member's unread notifications about the `readable` threads and fiches. */
export async function countUnread(
  manager: EntityManager,
  userId: string,
  readable: NotificationTopics,
): Promise<number> {
  const [row]: Array<{ n: number }> = await manager.query(
    `SELECT count(*)::int AS n FROM notifications n
      WHERE n.user_id = $1 AND n.read_at IS NULL AND ${readableCondition(2)}`,
    [userId, readable.threadIds, readable.ficheIds, readable.meetingIds],
  );
  return row.n;
}

/** Marks a member's notifications read: all of them, or those of `ids` (others' ids change nothing). */
export async function markNotificationsRead(
  manager: EntityManager,
  userId: string,
  which: { all: true } | { ids: string[] },
): Promise<void> {
  if ('all' in which) {
    await manager.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [
      userId,
    ]);
    return;
  }
  await manager.query(
    'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL',
    [userId, which.ids],
  );
}

/** A member's unread notifications about messages of a thread, with their message. */
export function selectUnreadAboutMessages(
  manager: EntityManager,
  userId: string,
  threadId: string,
): Promise<Array<{ id: string; messageId: string }>> {
  return manager.query(
    `SELECT id, message_id AS "messageId" FROM notifications
      WHERE user_id = $1 AND thread_id = $2 AND read_at IS NULL AND message_id IS NOT NULL`,
    [userId, threadId],
  );
}

/** Those of `userIds` who want a digest and have not had today's (`dayStart`) yet. */
export async function selectDigestCandidates(
  manager: EntityManager,
  userIds: string[],
  dayStart: Date,
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows: Array<{ userId: string }> = await manager.query(
    `SELECT u.id AS "userId"
       FROM unnest($1::uuid[]) AS u(id)
       LEFT JOIN notification_preferences p ON p.user_id = u.id
      WHERE COALESCE(p.daily_digest, true) AND (p.last_digest_at IS NULL OR p.last_digest_at < $2)`,
    [userIds, dayStart],
  );
  return rows.map((r) => r.userId);
}

/**
 * Claims a member's digest of the day in the caller's transaction: false when it was claimed already (by
 * another node too) or the member wants none; else when the previous one was sent (null: never).
 */
export async function claimDigest(
  manager: EntityManager,
  userId: string,
  now: Date,
  dayStart: Date,
): Promise<{ claimed: false } | { claimed: true; previous: Date | null }> {
  const [previous]: Array<{ lastDigestAt: Date | null }> = await manager.query(
    'SELECT last_digest_at AS "lastDigestAt" FROM notification_preferences WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  // The upsert's condition is the claim: a row claimed today (by another node too) is left alone.
  const claimed: unknown[] = await manager.query(
    `INSERT INTO notification_preferences AS p (user_id, last_digest_at) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET last_digest_at = $2
      WHERE p.daily_digest AND (p.last_digest_at IS NULL OR p.last_digest_at < $3)
     RETURNING user_id`,
    [userId, now, dayStart],
  );
  if (claimed.length === 0) return { claimed: false };
  return { claimed: true, previous: previous?.lastDigestAt ? new Date(previous.lastDigestAt) : null };
}

/** A notification whose email is due. */
export interface DueEmail {
  id: string;
  userId: string;
  actorId: string | null;
  kind: NotificationKind;
  groupId: string | null;
  threadId: string | null;
  ficheId: string | null;
  meetingId: string | null;
  link: string;
  title: string;
  excerpt: string;
}

/**
 * Claims up to `limit` unread notifications whose email is due at `now`, in the caller's transaction
 * (marked emailed, SKIP LOCKED for other nodes): their ids.
 */
export async function claimDueEmails(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
  const claimed: unknown[] = await manager.query(
    `UPDATE notifications SET emailed_at = now()
      WHERE id IN (SELECT n.id FROM notifications n
                    WHERE n.email_due_at <= $1 AND n.emailed_at IS NULL AND n.read_at IS NULL
                    ORDER BY n.email_due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [now, limit],
  );
  // An UPDATE ... RETURNING answers [rows, count] on PostgreSQL: take the rows.
  const rows = (Array.isArray(claimed[0]) ? (claimed[0] as unknown[]) : claimed) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

/** The claimed notifications `ids`. */
export async function selectDueEmails(manager: EntityManager, ids: string[]): Promise<DueEmail[]> {
  return manager.query(
    `SELECT n.id, n.user_id AS "userId", n.actor_id AS "actorId", n.kind, n.group_id AS "groupId",
            n.thread_id AS "threadId", n.fiche_id AS "ficheId", n.meeting_id AS "meetingId", n.link, n.title,
            n.excerpt
       FROM notifications n WHERE n.id = ANY($1::uuid[])`,
    [ids],
  );
}

/** Notifications that will never be emailed: no email due, none sent. */
export async function dropDueEmails(manager: EntityManager, ids: string[]): Promise<void> {
  await manager.query(
    'UPDATE notifications SET email_due_at = NULL, emailed_at = NULL WHERE id = ANY($1::uuid[])',
    [ids],
  );
}

/** Those with unread notifications created after `since` (who may have a digest to read). */
export async function selectUsersWithUnreadSince(manager: EntityManager, since: Date): Promise<string[]> {
  const rows: Array<{ userId: string }> = await manager.query(
    'SELECT DISTINCT user_id AS "userId" FROM notifications WHERE read_at IS NULL AND created_at > $1',
    [since],
  );
  return rows.map((r) => r.userId);
}

/** When a member's last digest was sent (null: never). */
export async function selectLastDigestAt(manager: EntityManager, userId: string): Promise<Date | null> {
  const [row]: Array<{ at: Date | null }> = await manager.query(
    'SELECT last_digest_at AS at FROM notification_preferences WHERE user_id = $1',
    [userId],
  );
  return row?.at ? new Date(row.at) : null;
}

/** An unread notification as the digest lists it, with its group's label parts. */
export interface DigestRow {
  kind: NotificationKind;
  groupId: string | null;
  groupKind: string | null;
  bassinName: string | null;
  threadId: string | null;
  ficheId: string | null;
  meetingId: string | null;
  title: string;
  actorName: string | null;
}

/** A member's unread notifications created in (`since`, `until`], newest first. */
export function selectUnreadBetween(
  manager: EntityManager,
  userId: string,
  since: Date,
  until: Date,
): Promise<DigestRow[]> {
  return manager.query(
    `SELECT n.kind, n.group_id AS "groupId", g.kind AS "groupKind", b.name AS "bassinName",
            n.thread_id AS "threadId", n.fiche_id AS "ficheId", n.meeting_id AS "meetingId", n.title,
            a.display_name AS "actorName"
       FROM notifications n
       LEFT JOIN user_cards a ON a.id = n.actor_id
       LEFT JOIN group_cards g ON g.id = n.group_id
       LEFT JOIN bassin_cards b ON b.id = g.bassin_id
      WHERE n.user_id = $1 AND n.read_at IS NULL AND n.created_at > $2 AND n.created_at <= $3
      ORDER BY n.created_at DESC, n.id DESC`,
    [userId, since, until],
  );
}
