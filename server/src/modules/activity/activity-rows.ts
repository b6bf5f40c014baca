import type { ActivityItem, ActivityKind } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';

type Queryable = Pick<EntityManager, 'query'>;

/** One thing that happened in a group, as the listener records it. */
export interface ActivityDraft {
  groupId: string;
  kind: ActivityKind;
  actorId: string | null;
  title: string;
  excerpt: string;
  link: string;
  ficheId?: string;
  meetingId?: string;
  threadId?: string;
  pollId?: string;
  commentId?: string;
  actionId?: string;
}

/** Stores one activity; returns its id. */
export async function insertActivity(db: Queryable, d: ActivityDraft): Promise<string> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO group_activity (group_id, kind, actor_id, title, excerpt, link, fiche_id, meeting_id, thread_id,
                                 poll_id, comment_id, action_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING id`,
    [
      d.groupId,
      d.kind,
      d.actorId,
      d.title,
      d.excerpt,
      d.link,
      d.ficheId ?? null,
      d.meetingId ?? null,
      d.threadId ?? null,
      d.pollId ?? null,
      d.commentId ?? null,
      d.actionId ?? null,
    ],
  );
  return row.id;
}

/** One activity as `selectActivity` reads it for one member, with its keyset cursor. */
export interface ActivityRow {
  id: string;
  kind: ActivityKind;
  groupId: string;
  groupKind: string;
  bassinName: string;
  actorId: string | null;
  actorName: string | null;
  title: string;
  excerpt: string;
  link: string;
  createdAt: Date;
  unread: boolean;
  cursor: string;
}

/** The activity item of a row. */
export function activityFromRow(r: ActivityRow): ActivityItem {
  return {
    id: r.id,
    kind: r.kind,
    group: { id: r.groupId, kind: r.groupKind, bassinName: r.bassinName },
    actor: r.actorId ? { id: r.actorId, displayName: r.actorName ?? '' } : null,
    title: r.title,
    excerpt: r.excerpt,
    link: r.link,
    createdAt: toIso(r.createdAt),
    unread: r.unread,
  };
}

// What a member may see of a group's activity: a member of the group now (joined on `group_members`),
// and nothing about a fiche since moved to another group (its old group no longer sees it).
const visible = (joins = '') => `
       FROM group_activity a${joins}
       JOIN group_members m ON m.group_id = a.group_id AND m.user_id = $1
       LEFT JOIN activity_reads r ON r.user_id = $1 AND r.group_id = a.group_id
       LEFT JOIN fiche_cards f ON f.id = a.fiche_id
      WHERE a.group_id = ANY($2::uuid[])
        AND (a.fiche_id IS NULL OR f.group_id = a.group_id)`;

// After the member's read marker in the group (their joining when they never marked it), and not theirs.
const UNREAD = 'a.created_at > COALESCE(r.read_at, m.created_at) AND a.actor_id IS DISTINCT FROM $1';

/**
 * A page of the activity of `groupIds` that `userId` sees, newest first: `limit` rows after the keyset
 * cursor (creation time with microseconds, id), each with whether it is unread for them.
 */
export function selectActivity(
  db: Queryable,
  userId: string,
  groupIds: string[],
  page: { limit: number; after: { createdAt: string; id: string } | null },
): Promise<ActivityRow[]> {
  const params: unknown[] = [userId, groupIds, page.limit];
  let after = '';
  if (page.after) {
    params.push(page.after.createdAt, page.after.id);
    after = 'AND (a.created_at, a.id) < ($4::timestamptz, $5::uuid)';
  }
  return db.query(
    `SELECT a.id, a.kind, a.group_id AS "groupId", g.kind AS "groupKind", b.name AS "bassinName",
            a.actor_id AS "actorId", u.display_name AS "actorName", a.title, a.excerpt, a.link,
            a.created_at AS "createdAt", (${UNREAD}) AS unread,
            to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || a.id AS cursor
       ${visible(`
       JOIN group_cards g ON g.id = a.group_id
       JOIN bassin_cards b ON b.id = g.bassin_id
       LEFT JOIN user_cards u ON u.id = a.actor_id`)}
        ${after}
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT $3`,
    params,
  );
}

/** Number of activities of `groupIds` unread by `userId`. */
export async function countUnreadActivity(
  db: Queryable,
  userId: string,
  groupIds: string[],
): Promise<number> {
  const [row]: Array<{ n: number }> = await db.query(`SELECT count(*)::int AS n ${visible()} AND ${UNREAD}`, [
    userId,
    groupIds,
  ]);
  return row.n;
}

/** Moves `userId`'s read marker of each of `groupIds` to now (never backwards). */
export async function markActivityRead(db: Queryable, userId: string, groupIds: string[]): Promise<void> {
  await db.query(
    `INSERT INTO activity_reads (user_id, group_id, read_at)
     SELECT $1, g, clock_timestamp() FROM unnest($2::uuid[]) AS g
     ON CONFLICT (user_id, group_id) DO UPDATE SET read_at = GREATEST(activity_reads.read_at, EXCLUDED.read_at)`,
    [userId, groupIds],
  );
}
