import type { Participant } from '@affluents/contracts';
import { groupKindLabels, labelOf } from '../../../common/french-labels';
import { toIso } from '../../../infra/database/timestamps';
import type { Queryable } from '../meeting-rows';

/** What the minutes say about the meeting itself: title, date and place. */
export interface MinutesHeader {
  title: string;
  groupLabel: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
}

/** The meeting's title, date and place in words. */
export async function readHeader(db: Queryable, meetingId: string): Promise<MinutesHeader> {
  const [row]: Array<{
    title: string;
    groupKind: string;
    bassinName: string;
    startsAt: Date | null;
    endsAt: Date | null;
    placeType: 'host' | 'address' | 'online';
    placeAddress: string | null;
    placeUrl: string | null;
    hostName: string | null;
    hostAddress: string | null;
  }> = await db.query(
    `SELECT s.title, g.kind AS "groupKind", b.name AS "bassinName", s.starts_at AS "startsAt",
            s.ends_at AS "endsAt", s.place_type AS "placeType", s.place_address AS "placeAddress",
            s.place_url AS "placeUrl", o.name AS "hostName",
            NULLIF(concat_ws(', ', NULLIF(o.street, ''), NULLIF(concat_ws(' ', NULLIF(o.postal_code, ''),
              NULLIF(o.city, '')), '')), '') AS "hostAddress"
       FROM meetings s
       JOIN group_cards g ON g.id = s.group_id
       JOIN bassin_cards b ON b.id = g.bassin_id
       LEFT JOIN organisation_cards o ON o.id = s.host_organisation_id
      WHERE s.id = $1`,
    [meetingId],
  );
  const place =
    row.placeType === 'online'
      ? `En ligne (${row.placeUrl ?? ''})`
      : row.placeType === 'address'
        ? (row.placeAddress ?? '')
        : row.hostName
          ? [row.hostName, row.hostAddress].filter(Boolean).join(', ')
          : 'Chez l’organisation hôte (à préciser)';
  return {
    title: row.title,
    groupLabel: `${labelOf(groupKindLabels, row.groupKind)} — bassin ${row.bassinName}`,
    startsAt: toIso(row.startsAt),
    endsAt: toIso(row.endsAt),
    place,
  };
}

/**
 * Everyone concerned by the meeting: the group's members, its guests, and whoever had their attendance
 * taken (a member who left since still appears), with their answer and attendance.
 */
export async function readAttendance(db: Queryable, meetingId: string): Promise<Participant[]> {
  const rows: Array<{
    id: string;
    displayName: string;
    role: 'member' | 'facilitator' | 'guest';
    organisation: string | null;
    rsvp: Participant['rsvp'];
    attendance: Participant['attendance'];
  }> = await db.query(
    `SELECT u.id, u.display_name AS "displayName",
            COALESCE(m.role, CASE WHEN g.user_id IS NOT NULL THEN 'guest' ELSE 'member' END) AS role,
            COALESCE(g.organisation, o.name) AS organisation, r.answer AS rsvp, a.state AS attendance
       FROM meetings s
       JOIN user_cards u ON u.id IN (
              SELECT user_id FROM group_members WHERE group_id = s.group_id
              UNION SELECT user_id FROM meeting_guests WHERE meeting_id = s.id
              UNION SELECT user_id FROM meeting_attendance WHERE meeting_id = s.id)
       LEFT JOIN group_members m ON m.user_id = u.id AND m.group_id = s.group_id
       LEFT JOIN meeting_guests g ON g.meeting_id = s.id AND g.user_id = u.id
       LEFT JOIN meeting_attendance a ON a.meeting_id = s.id AND a.user_id = u.id
       LEFT JOIN meeting_rsvps r ON r.meeting_id = s.id AND r.user_id = u.id
       LEFT JOIN organisation_cards o ON o.id = u.organisation_id
      WHERE s.id = $1
      ORDER BY u.display_name, u.id`,
    [meetingId],
  );
  return rows.map((r) => ({
    person: { id: r.id, displayName: r.displayName },
    role: r.role,
    organisation: r.organisation,
    rsvp: r.rsvp,
    attendance: r.attendance,
  }));
}
