import type { Decision, FollowUpAction, PersonRef, SessionPlace, SessionSummary } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';

/** One session as the summary query returns it. */
export interface SessionRow {
  id: string;
  groupId: string;
  title: string;
  kind: SessionSummary['kind'];
  status: SessionSummary['status'];
  startsAt: Date | null;
  endsAt: Date | null;
  placeType: SessionPlace['type'];
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
  myRsvp: SessionSummary['myRsvp'];
  minutesPublishedAt: Date | null;
  facilitators: PersonRef[];
}

/**
 * Selects sessions with what a summary shows; `$1` is the caller's id (for their answer), the other
 * parameters belong to `tail` (WHERE / ORDER BY on alias `s`).
 */
export function selectSessions(
  manager: EntityManager,
  userId: string,
  tail: string,
  params: unknown[],
): Promise<SessionRow[]> {
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
       FROM sessions s
       LEFT JOIN organisations o ON o.id = s.host_organisation_id
       LEFT JOIN session_rsvps r ON r.session_id = s.id AND r.user_id = $1
       LEFT JOIN session_minutes m ON m.session_id = s.id
       ${tail}`,
    [userId, ...params],
  );
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toPlace(row: Pick<SessionRow, 'placeType' | 'placeAddress' | 'placeUrl'>): SessionPlace {
  if (row.placeType === 'address') return { type: 'address', address: row.placeAddress ?? '' };
  if (row.placeType === 'online') return { type: 'online', url: row.placeUrl ?? '' };
  return { type: 'host' };
}

/** The host's postal address on one line, or null when it has none. */
export function hostAddress(
  row: Pick<SessionRow, 'hostStreet' | 'hostPostalCode' | 'hostCity'>,
): string | null {
  const city = [row.hostPostalCode, row.hostCity].filter((p) => p?.trim()).join(' ');
  const parts = [row.hostStreet, city].filter((p): p is string => Boolean(p?.trim()));
  return parts.length ? parts.join(', ') : null;
}

export function toSessionSummary(row: SessionRow): SessionSummary {
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
  sessionId: string;
  groupId: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  status: 'open' | 'done';
  doneAt: Date | null;
  createdAt: Date;
}

/** Selects follow-up actions (alias `a`, session alias `s`) with `tail` as WHERE / ORDER BY. */
export async function selectActions(
  manager: EntityManager,
  tail: string,
  params: unknown[],
): Promise<FollowUpAction[]> {
  const rows: ActionRow[] = await manager.query(
    `SELECT a.id, a.session_id AS "sessionId", a.group_id AS "groupId", a.title, a.owner_id AS "ownerId",
            u.display_name AS "ownerName", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status,
            a.done_at AS "doneAt", a.created_at AS "createdAt"
       FROM follow_up_actions a
       JOIN sessions s ON s.id = a.session_id
       LEFT JOIN users u ON u.id = a.owner_id
       ${tail}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.sessionId,
    groupId: r.groupId,
    title: r.title,
    owner: r.ownerId ? { id: r.ownerId, displayName: r.ownerName ?? '' } : null,
    dueOn: r.dueOn,
    status: r.status,
    doneAt: iso(r.doneAt),
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/** The decisions of one session, in the order they were taken. */
export async function selectDecisions(manager: EntityManager, sessionId: string): Promise<Decision[]> {
  const rows: Array<{ id: string; text: string; createdAt: Date }> = await manager.query(
    `SELECT id, text, created_at AS "createdAt" FROM session_decisions WHERE session_id = $1
      ORDER BY created_at, id`,
    [sessionId],
  );
  return rows.map((r) => ({
    id: r.id,
    sessionId,
    text: r.text,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}
