import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { groupKindLabels } from '../../../common/french-labels';

/** What a calendar entry or a meeting mail says about one meeting. */
export interface CalendarMeeting {
  id: string;
  groupId: string;
  title: string;
  kind: 'regular' | 'thematic';
  status: 'planned' | 'live' | 'done' | 'cancelled';
  startsAt: Date | null;
  endsAt: Date | null;
  sequence: number;
  updatedAt: Date;
  /** "Travailleurs sociaux — Namur". */
  groupLabel: string;
  /** Where it happens, as one line: the host's address, another address or the online link; null if unknown. */
  location: string | null;
}

interface MeetingRow extends Omit<CalendarMeeting, 'groupLabel' | 'location'> {
  groupKind: keyof typeof groupKindLabels;
  bassinName: string;
  placeType: 'host' | 'address' | 'online';
  placeAddress: string | null;
  placeUrl: string | null;
  hostName: string | null;
  hostStreet: string | null;
  hostPostalCode: string | null;
  hostCity: string | null;
}

const SELECT_MEETINGS = `
  SELECT s.id, s.group_id AS "groupId", s.title, s.kind, s.status, s.starts_at AS "startsAt",
         s.ends_at AS "endsAt", s.ical_sequence AS "sequence", s.updated_at AS "updatedAt",
         g.kind AS "groupKind", b.name AS "bassinName", s.place_type AS "placeType",
         s.place_address AS "placeAddress", s.place_url AS "placeUrl", o.name AS "hostName",
         o.street AS "hostStreet", o.postal_code AS "hostPostalCode", o.city AS "hostCity"
    FROM meetings s
    JOIN group_cards g ON g.id = s.group_id
    JOIN bassin_cards b ON b.id = g.bassin_id
    LEFT JOIN organisation_cards o ON o.id = s.host_organisation_id`;

function locationOf(row: MeetingRow): string | null {
  if (row.placeType === 'online') return row.placeUrl || null;
  if (row.placeType === 'address') return row.placeAddress || null;
  if (!row.hostName) return null;
  const town = [row.hostPostalCode, row.hostCity].filter(Boolean).join(' ');
  return [row.hostName, row.hostStreet, town].filter(Boolean).join(', ');
}

function toCalendarMeeting(row: MeetingRow): CalendarMeeting {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    kind: row.kind,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    sequence: row.sequence,
    updatedAt: row.updatedAt,
    groupLabel: `${groupKindLabels[row.groupKind] ?? row.groupKind} — ${row.bassinName}`,
    location: locationOf(row),
  };
}

/** Reads meetings as calendars and meeting mails need them (place resolved, group named). */
@Injectable()
export class CalendarMeetings {
  constructor(private readonly dataSource: DataSource) {}

  /** One meeting, or null when it does not exist. */
  async one(
    meetingId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CalendarMeeting | null> {
    const rows: MeetingRow[] = await manager.query(`${SELECT_MEETINGS} WHERE s.id = $1`, [meetingId]);
    return rows[0] ? toCalendarMeeting(rows[0]) : null;
  }

  /** These meetings, soonest first (those that do not exist left out). */
  async many(
    meetingIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CalendarMeeting[]> {
    const rows: MeetingRow[] = await manager.query(
      `${SELECT_MEETINGS} WHERE s.id = ANY($1::uuid[]) ORDER BY s.starts_at NULLS LAST, s.id`,
      [meetingIds],
    );
    return rows.map(toCalendarMeeting);
  }

  /**
   * The dated meetings of a member's groups and those they are a guest of, starting from `since`
   * (cancelled ones included, so subscribed calendars remove them).
   */
  async forUser(userId: string, since: Date): Promise<CalendarMeeting[]> {
    const rows: MeetingRow[] = await this.dataSource.query(
      `${SELECT_MEETINGS}
        WHERE s.starts_at IS NOT NULL AND s.starts_at >= $2
          AND (s.group_id IN (SELECT m.group_id FROM group_members m WHERE m.user_id = $1)
               OR EXISTS (SELECT 1 FROM meeting_guests sg WHERE sg.meeting_id = s.id AND sg.user_id = $1))
        ORDER BY s.starts_at`,
      [userId, since],
    );
    return rows.map(toCalendarMeeting);
  }

  /** The planned meetings starting after `from` and at the latest at `until`, soonest first. */
  async plannedBetween(from: Date, until: Date): Promise<Array<{ id: string; startsAt: Date }>> {
    return this.dataSource.query(
      `SELECT id, starts_at AS "startsAt" FROM meetings
        WHERE status = 'planned' AND starts_at > $1 AND starts_at <= $2
        ORDER BY starts_at`,
      [from, until],
    );
  }
}
