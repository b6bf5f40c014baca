import type { Queryable } from './meeting-rows';

/** A meeting as its notifications name it. */
export interface MeetingNoticeRow {
  id: string;
  groupId: string;
  title: string;
  startsAt: Date | null;
  status: 'planned' | 'live' | 'done' | 'cancelled';
  /** The published minutes are shown to the meeting's guests. */
  minutesVisibleToGuests: boolean;
}

/** The meeting's notice facts, or undefined when it does not exist. */
export async function meetingNotice(db: Queryable, meetingId: string): Promise<MeetingNoticeRow | undefined> {
  const [row]: MeetingNoticeRow[] = await db.query(
    `SELECT s.id, s.group_id AS "groupId", s.title, s.starts_at AS "startsAt", s.status,
            COALESCE(m.visible_to_guests, false) AS "minutesVisibleToGuests"
       FROM meetings s LEFT JOIN meeting_minutes m ON m.meeting_id = s.id
      WHERE s.id = $1`,
    [meetingId],
  );
  return row;
}

/** Who is invited to a meeting: its group's members and its guests (ids; accounts are checked later). */
export async function meetingInvitees(
  db: Queryable,
  meetingId: string,
): Promise<{ memberIds: string[]; guestIds: string[] }> {
  const rows: Array<{ userId: string; guest: boolean }> = await db.query(
    `SELECT m.user_id AS "userId", false AS guest
       FROM group_members m JOIN meetings s ON s.group_id = m.group_id WHERE s.id = $1
     UNION
     SELECT g.user_id, true FROM meeting_guests g WHERE g.meeting_id = $1`,
    [meetingId],
  );
  return {
    memberIds: rows.filter((r) => !r.guest).map((r) => r.userId),
    guestIds: rows.filter((r) => r.guest).map((r) => r.userId),
  };
}

/** Those recorded present at a meeting. */
export async function meetingPresentIds(db: Queryable, meetingId: string): Promise<string[]> {
  const rows: Array<{ userId: string }> = await db.query(
    `SELECT user_id AS "userId" FROM meeting_attendance WHERE meeting_id = $1 AND state = 'present'`,
    [meetingId],
  );
  return rows.map((r) => r.userId);
}

/** An open follow-up action with an owner, due on a day. */
export interface DueActionRow {
  actionId: string;
  meetingId: string;
  groupId: string;
  title: string;
  ownerId: string;
  dueOn: string;
}

/** Open actions with an owner due from `fromDay` to `toDay` (ISO dates, inclusive). */
export function openActionsDueBetween(
  db: Queryable,
  fromDay: string,
  toDay: string,
): Promise<DueActionRow[]> {
  return db.query(
    `SELECT a.id AS "actionId", a.meeting_id AS "meetingId", a.group_id AS "groupId", a.title,
            a.owner_id AS "ownerId", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn"
       FROM follow_up_actions a
      WHERE a.status = 'open' AND a.owner_id IS NOT NULL AND a.due_on BETWEEN $1::date AND $2::date`,
    [fromDay, toDay],
  );
}

/** Of `meetingIds`, each existing one's group and whether `userId` is its guest. */
export async function meetingsAsSeenBy(
  db: Queryable,
  userId: string,
  meetingIds: string[],
): Promise<Array<{ id: string; groupId: string; guest: boolean }>> {
  if (meetingIds.length === 0) return [];
  return db.query(
    `SELECT s.id, s.group_id AS "groupId",
            EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $1) AS guest
       FROM meetings s WHERE s.id = ANY($2::uuid[])`,
    [userId, meetingIds],
  );
}
