import type {
  MeetingDetail,
  MeetingPlace,
  MeetingSummary,
  Participant,
  PersonRef,
} from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';
import type { MeetingCard, MeetingFacts } from './meeting-access';

/** What a repository function runs its statements on: the data source or a transaction's manager. */
export type Queryable = Pick<EntityManager, 'query'>;

/** One meeting as the summary query returns it. */
export interface MeetingRow {
  id: string;
  groupId: string;
  title: string;
  kind: MeetingSummary['kind'];
  status: MeetingSummary['status'];
  startsAt: Date | null;
  endsAt: Date | null;
  placeType: MeetingPlace['type'];
  placeAddress: string | null;
  placeUrl: string | null;
  hostId: string | null;
  hostName: string | null;
  hostStreet: string | null;
  hostPostalCode: string | null;
  hostCity: string | null;
  threadId: string | null;
  datePollId: string | null;
  agendaDocName: string;
  notesDocName: string;
  icalSequence: number;
  createdAt: Date;
  myRsvp: MeetingSummary['myRsvp'];
  minutesPublishedAt: Date | null;
  facilitators: PersonRef[];
}

/**
 * Selects meetings with what a summary shows; `$1` is the caller's id (for their answer), the other
 * parameters belong to `tail` (WHERE / ORDER BY on alias `s`).
 */
function selectMeetings(
  db: Queryable,
  userId: string,
  tail: string,
  params: unknown[],
): Promise<MeetingRow[]> {
  return db.query(
    `SELECT s.id, s.group_id AS "groupId", s.title, s.kind, s.status, s.starts_at AS "startsAt",
            s.ends_at AS "endsAt", s.place_type AS "placeType", s.place_address AS "placeAddress",
            s.place_url AS "placeUrl", o.id AS "hostId", o.name AS "hostName", o.street AS "hostStreet",
            o.postal_code AS "hostPostalCode", o.city AS "hostCity", s.thread_id AS "threadId",
            s.date_poll_id AS "datePollId", s.agenda_doc_name AS "agendaDocName",
            s.notes_doc_name AS "notesDocName", s.ical_sequence AS "icalSequence", s.created_at AS "createdAt",
            r.answer AS "myRsvp",
            -- A guest reads the published minutes only when the facilitator showed them to guests.
            CASE WHEN m.visible_to_guests
                   OR NOT EXISTS (SELECT 1 FROM meeting_guests mg WHERE mg.meeting_id = s.id AND mg.user_id = $1)
                 THEN m.published_at END AS "minutesPublishedAt",
            coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name)
                                      ORDER BY u.display_name)
                        FROM group_members fm JOIN user_cards u ON u.id = fm.user_id
                       WHERE fm.group_id = s.group_id AND fm.role = 'facilitator'), '[]') AS facilitators
       FROM meetings s
       LEFT JOIN organisation_cards o ON o.id = s.host_organisation_id
       LEFT JOIN meeting_rsvps r ON r.meeting_id = s.id AND r.user_id = $1
       LEFT JOIN meeting_minutes m ON m.meeting_id = s.id
       ${tail}`,
    [userId, ...params],
  );
}

export function toPlace(row: Pick<MeetingRow, 'placeType' | 'placeAddress' | 'placeUrl'>): MeetingPlace {
  if (row.placeType === 'address') return { type: 'address', address: row.placeAddress ?? '' };
  if (row.placeType === 'online') return { type: 'online', url: row.placeUrl ?? '' };
  return { type: 'host' };
}

/** The host's postal address on one line, or null when it has none. */
export function hostAddress(
  row: Pick<MeetingRow, 'hostStreet' | 'hostPostalCode' | 'hostCity'>,
): string | null {
  const city = [row.hostPostalCode, row.hostCity].filter((p) => p?.trim()).join(' ');
  const parts = [row.hostStreet, city].filter((p): p is string => Boolean(p?.trim()));
  return parts.length ? parts.join(', ') : null;
}

export function toMeetingSummary(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    kind: row.kind,
    status: row.status,
    startsAt: toIso(row.startsAt),
    endsAt: toIso(row.endsAt),
    place: toPlace(row),
    host: row.hostId ? { id: row.hostId, name: row.hostName ?? '', address: hostAddress(row) } : null,
    facilitators: row.facilitators,
    myRsvp: row.myRsvp ?? null,
    minutesPublishedAt: toIso(row.minutesPublishedAt),
    datePollId: row.datePollId,
  };
}

export type MeetingsWhen = 'upcoming' | 'past' | 'all';

// Upcoming: not finished, and not yet over (or without a date yet). Cancelled meetings stay listed.
const UPCOMING = `s.status <> 'done' AND (s.ends_at IS NULL OR s.ends_at >= now())`;

/** One meeting as `userId` sees it in a summary, or undefined when it does not exist. */
export async function meetingRow(
  db: Queryable,
  userId: string,
  meetingId: string,
): Promise<MeetingRow | undefined> {
  const [row] = await selectMeetings(db, userId, 'WHERE s.id = $2', [meetingId]);
  return row;
}

/** A group's meetings, upcoming (soonest first), past (latest first) or all (latest first). */
export function meetingsOfGroup(
  db: Queryable,
  userId: string,
  groupId: string,
  when: MeetingsWhen,
): Promise<MeetingRow[]> {
  const filter = when === 'upcoming' ? `AND ${UPCOMING}` : when === 'past' ? `AND NOT (${UPCOMING})` : '';
  const order =
    when === 'upcoming'
      ? 's.starts_at ASC NULLS LAST, s.created_at'
      : 's.starts_at DESC NULLS FIRST, s.created_at';
  return selectMeetings(db, userId, `WHERE s.group_id = $2 ${filter} ORDER BY ${order}`, [groupId]);
}

const MINE = `(s.group_id IN (SELECT group_id FROM group_members WHERE user_id = $1)
            OR EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $1))`;

/** The planned or live meetings not yet over of the user's groups and those they are a guest of, soonest first. */
export function upcomingMeetingsOf(db: Queryable, userId: string): Promise<MeetingRow[]> {
  return selectMeetings(
    db,
    userId,
    `WHERE ${MINE}
       AND s.status IN ('planned', 'live') AND (s.ends_at IS NULL OR s.ends_at >= now())
     ORDER BY s.starts_at ASC NULLS LAST, s.created_at`,
    [],
  );
}

/** The last `limit` meetings held (done, or over) of the user's groups and those they were a guest of, latest first. */
export function pastMeetingsOf(db: Queryable, userId: string, limit: number): Promise<MeetingRow[]> {
  return selectMeetings(
    db,
    userId,
    `WHERE ${MINE}
       AND s.status <> 'cancelled' AND (s.status = 'done' OR s.ends_at < now())
     ORDER BY s.starts_at DESC NULLS LAST, s.created_at DESC
     LIMIT $2`,
    [limit],
  );
}

/** The facts access decisions need, and whether `userId` is a guest of the meeting; undefined when none. */
export async function meetingFacts(
  db: Queryable,
  meetingId: string,
  userId: string,
): Promise<(MeetingFacts & { guest: boolean }) | undefined> {
  const [row]: Array<MeetingFacts & { guest: boolean }> = await db.query(
    `SELECT s.id, s.group_id AS "groupId", s.title, s.status, s.thread_id AS "threadId",
            s.agenda_doc_name AS "agendaDocName", s.notes_doc_name AS "notesDocName",
            EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $2) AS guest
       FROM meetings s WHERE s.id = $1`,
    [meetingId, userId],
  );
  return row;
}

/** A meeting as other modules show it; undefined when none. */
export async function meetingCard(db: Queryable, meetingId: string): Promise<MeetingCard | undefined> {
  const [row] = await db.query(
    `SELECT s.id, s.group_id AS "groupId", s.title, s.status, s.starts_at AS "startsAt", s.ends_at AS "endsAt"
       FROM meetings s WHERE s.id = $1`,
    [meetingId],
  );
  return row;
}

/** The meeting whose agenda or notes document this is, and whether `userId` is its guest. */
export async function meetingOfDocument(
  db: Queryable,
  docName: string,
  notes: boolean,
  userId: string,
): Promise<{ groupId: string; status: MeetingFacts['status']; guest: boolean } | undefined> {
  const [row]: Array<{ groupId: string; status: MeetingFacts['status']; guest: boolean }> = await db.query(
    `SELECT s.group_id AS "groupId", s.status,
            EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $2) AS guest
       FROM meetings s WHERE ${notes ? 's.notes_doc_name' : 's.agenda_doc_name'} = $1`,
    [docName, userId],
  );
  return row;
}

/** The group a meeting belongs to, as its page shows it (kind and bassin). */
export async function meetingGroup(db: Queryable, groupId: string): Promise<MeetingDetail['group']> {
  const [group]: Array<MeetingDetail['group']> = await db.query(
    `SELECT g.id, g.kind, b.name AS "bassinName" FROM group_cards g JOIN bassin_cards b ON b.id = g.bassin_id
      WHERE g.id = $1`,
    [groupId],
  );
  return group;
}

/**
 * The group's active members and the meeting's guests with everyone's answer and attendance,
 * facilitators first, then members, then guests, each by name.
 */
export async function meetingParticipants(
  db: Queryable,
  meetingId: string,
  groupId: string,
): Promise<Participant[]> {
  const rows: Array<{
    id: string;
    displayName: string;
    role: Participant['role'];
    organisation: string | null;
    rsvp: Participant['rsvp'];
    attendance: Participant['attendance'];
  }> = await db.query(
    `SELECT p.* FROM (
       SELECT u.id, u.display_name AS "displayName", m.role, o.name AS organisation, r.answer AS rsvp,
              a.state AS attendance
         FROM group_members m JOIN user_cards u ON u.id = m.user_id
         LEFT JOIN organisation_cards o ON o.id = u.organisation_id
         LEFT JOIN meeting_rsvps r ON r.meeting_id = $1 AND r.user_id = u.id
         LEFT JOIN meeting_attendance a ON a.meeting_id = $1 AND a.user_id = u.id
        WHERE m.group_id = $2 AND u.disabled_at IS NULL
       UNION ALL
       SELECT u.id, u.display_name, 'guest', coalesce(g.organisation, o.name), r.answer, a.state
         FROM meeting_guests g JOIN user_cards u ON u.id = g.user_id
         LEFT JOIN organisation_cards o ON o.id = u.organisation_id
         LEFT JOIN meeting_rsvps r ON r.meeting_id = $1 AND r.user_id = u.id
         LEFT JOIN meeting_attendance a ON a.meeting_id = $1 AND a.user_id = u.id
        WHERE g.meeting_id = $1
     ) p
     ORDER BY CASE p.role WHEN 'facilitator' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, p."displayName", p.id`,
    [meetingId, groupId],
  );
  return rows.map((p) => ({
    person: { id: p.id, displayName: p.displayName },
    role: p.role,
    organisation: p.organisation,
    rsvp: p.rsvp,
    attendance: p.attendance,
  }));
}
