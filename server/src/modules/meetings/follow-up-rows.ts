import type { FollowUpAction, ListActionsQuery, UpdateActionRequest } from '@affluents/contracts';
import { toIso } from '../../infra/database/timestamps';
import type { Queryable } from './meeting-rows';

/** The follow-up actions (follow_up_actions): what a meeting decided someone does, by when. */

interface ActionRow {
  id: string;
  meetingId: string;
  groupId: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  status: 'open' | 'done';
  doneAt: Date | null;
  createdAt: Date;
}

const ACTION_SELECT = `
  SELECT a.id, a.meeting_id AS "meetingId", a.group_id AS "groupId", a.title, a.owner_id AS "ownerId",
         u.display_name AS "ownerName", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status,
         a.done_at AS "doneAt", a.created_at AS "createdAt"
    FROM follow_up_actions a
    JOIN meetings s ON s.id = a.meeting_id
    LEFT JOIN user_cards u ON u.id = a.owner_id`;

function toAction(r: ActionRow): FollowUpAction {
  return {
    id: r.id,
    meetingId: r.meetingId,
    groupId: r.groupId,
    title: r.title,
    owner: r.ownerId ? { id: r.ownerId, displayName: r.ownerName ?? '' } : null,
    dueOn: r.dueOn,
    status: r.status,
    doneAt: toIso(r.doneAt),
    createdAt: toIso(r.createdAt),
  };
}

/** Follow-up actions (alias `a`, meeting alias `s`) with `tail` as WHERE / ORDER BY. */
async function selectActions(db: Queryable, tail: string, params: unknown[]): Promise<FollowUpAction[]> {
  const rows: ActionRow[] = await db.query(`${ACTION_SELECT} ${tail}`, params);
  return rows.map(toAction);
}

const statusFilter = (status: ListActionsQuery['status']) =>
  status === 'all' ? 'AND $2::text IS NULL' : 'AND a.status = $2';

const statusParam = (status: ListActionsQuery['status']) => (status === 'all' ? null : status);

/** One action, or null when it does not exist. */
export async function findAction(db: Queryable, actionId: string): Promise<FollowUpAction | null> {
  const [action] = await selectActions(db, 'WHERE a.id = $1', [actionId]);
  return action ?? null;
}

/** The actions decided in one meeting, in the order they were recorded. */
export function actionsOfMeeting(db: Queryable, meetingId: string): Promise<FollowUpAction[]> {
  return selectActions(db, 'WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id', [meetingId]);
}

/** The group's actions still open from its other meetings held (or created) before `before`, due soonest first. */
export function openActionsBefore(
  db: Queryable,
  groupId: string,
  meetingId: string,
  before: Date,
): Promise<FollowUpAction[]> {
  return selectActions(
    db,
    `WHERE a.group_id = $1 AND a.status = 'open' AND a.meeting_id <> $2
       AND coalesce(s.starts_at, s.created_at) < $3
     ORDER BY a.due_on ASC NULLS LAST, a.created_at`,
    [groupId, meetingId, before],
  );
}

/** The group's actions with this status, due soonest first. */
export function actionsOfGroup(
  db: Queryable,
  groupId: string,
  status: ListActionsQuery['status'],
): Promise<FollowUpAction[]> {
  return selectActions(
    db,
    `WHERE a.group_id = $1 ${statusFilter(status)} ORDER BY a.due_on ASC NULLS LAST, a.created_at`,
    [groupId, statusParam(status)],
  );
}

/** The actions a user owns with this status, in meetings they may still see (member or guest). */
export function actionsOwnedBy(
  db: Queryable,
  userId: string,
  status: ListActionsQuery['status'],
): Promise<FollowUpAction[]> {
  return selectActions(
    db,
    `WHERE a.owner_id = $1 ${statusFilter(status)}
       AND (s.group_id IN (SELECT group_id FROM group_members WHERE user_id = $1)
            OR EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $1))
     ORDER BY a.due_on ASC NULLS LAST, a.created_at`,
    [userId, statusParam(status)],
  );
}

/** Inserts an action; returns its id. */
export async function insertAction(
  db: Queryable,
  action: {
    meetingId: string;
    groupId: string;
    title: string;
    ownerId: string | null;
    dueOn: string | null;
    createdById: string;
  },
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await db.query(
    `INSERT INTO follow_up_actions (meeting_id, group_id, title, owner_id, due_on, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [action.meetingId, action.groupId, action.title, action.ownerId, action.dueOn, action.createdById],
  );
  return id;
}

/** Changes the fields present in `change`; `done_at` follows the status (set when done, cleared when reopened). */
export async function updateAction(
  db: Queryable,
  actionId: string,
  change: UpdateActionRequest,
): Promise<void> {
  await db.query(
    `UPDATE follow_up_actions SET
       title = CASE WHEN $2::boolean THEN $3 ELSE title END,
       owner_id = CASE WHEN $4::boolean THEN $5::uuid ELSE owner_id END,
       due_on = CASE WHEN $6::boolean THEN $7::date ELSE due_on END,
       done_at = CASE WHEN $8::text IS NULL OR $8 = status THEN done_at
                      WHEN $8 = 'done' THEN now() ELSE NULL END,
       status = COALESCE($8, status)
     WHERE id = $1`,
    [
      actionId,
      change.title !== undefined,
      change.title ?? null,
      change.ownerId !== undefined,
      change.ownerId ?? null,
      change.dueOn !== undefined,
      change.dueOn ?? null,
      change.status ?? null,
    ],
  );
}
