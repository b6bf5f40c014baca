import type { Decision, FollowUpAction, MeetingPlace, MeetingSummary, PersonRef } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';

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
export function selectMeetings(
  manager: EntityManager,
  userId: string,
  tail: string,
  params: unknown[],
): Promise<MeetingRow[]> {
  return manager.query(
    `SELECT s.id, s.group_id AS "groupId", s.title, s.kind, s.status, s.starts_at AS "startsAt",
            s.ends_at AS "endsAt", s.place_type AS "placeType", s.place_address AS "placeAddress",
            s.place_url AS "placeUrl", o.id AS "hostId", o.name AS "hostName", o.street AS "hostStreet",
            o.postal_code AS "hostPostalCode", o.city AS "hostCity", s.thread_id AS "threadId",
            s.date_poll_id AS "datePollId", s.agenda_doc_name AS "agendaDocName",
            s.notes_doc_name AS "notesDocName", s.ical_sequence AS "icalSequence", s.created_at AS "createdAt",
            r.answer AS "myRsvp", m.published_at AS "minutesPublishedAt",
            coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name)
                                      ORDER BY u.display_name)
                        FROM memberships fm JOIN users u ON u.id = fm.user_id
                       WHERE fm.group_id = s.group_id AND fm.role = 'facilitator'), '[]') AS facilitators
       FROM meetings s
       LEFT JOIN organisations o ON o.id = s.host_organisation_id
       LEFT JOIN meeting_rsvps r ON r.meeting_id = s.id AND r.user_id = $1
       LEFT JOIN meeting_minutes m ON m.meeting_id = s.id
       ${tail}`,
    [userId, ...params],
  );
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

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
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    place: toPlace(row),
    host: row.hostId ? { id: row.hostId, name: row.hostName ?? '', address: hostAddress(row) } : null,
    facilitators: row.facilitators,
    myRsvp: row.myRsvp ?? null,
    minutesPublishedAt: iso(row.minutesPublishedAt),
  };
}

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

/** Selects follow-up actions (alias `a`, meeting alias `s`) with `tail` as WHERE / ORDER BY. */
export async function selectActions(
  manager: EntityManager,
  tail: string,
  params: unknown[],
): Promise<FollowUpAction[]> {
  const rows: ActionRow[] = await manager.query(
    `SELECT a.id, a.meeting_id AS "meetingId", a.group_id AS "groupId", a.title, a.owner_id AS "ownerId",
            u.display_name AS "ownerName", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status,
            a.done_at AS "doneAt", a.created_at AS "createdAt"
       FROM follow_up_actions a
       JOIN meetings s ON s.id = a.meeting_id
       LEFT JOIN users u ON u.id = a.owner_id
       ${tail}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meetingId,
    groupId: r.groupId,
    title: r.title,
    owner: r.ownerId ? { id: r.ownerId, displayName: r.ownerName ?? '' } : null,
    dueOn: r.dueOn,
    status: r.status,
    doneAt: iso(r.doneAt),
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/** The decisions of one meeting, in the order they were taken. */
export async function selectDecisions(manager: EntityManager, meetingId: string): Promise<Decision[]> {
  const rows: Array<{ id: string; text: string; createdAt: Date }> = await manager.query(
    `SELECT id, text, created_at AS "createdAt" FROM meeting_decisions WHERE meeting_id = $1
      ORDER BY created_at, id`,
    [meetingId],
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId,
    text: r.text,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}
