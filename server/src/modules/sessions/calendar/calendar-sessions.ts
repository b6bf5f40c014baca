import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { groupKindLabels } from '../../../common/french-labels';

/** What a calendar entry or a session mail says about one session. */
export interface CalendarSession {
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

interface SessionRow extends Omit<CalendarSession, 'groupLabel' | 'location'> {
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

const SELECT_SESSIONS = `
  SELECT s.id, s.group_id AS "groupId", s.title, s.kind, s.status, s.starts_at AS "startsAt",
         s.ends_at AS "endsAt", s.ical_sequence AS "sequence", s.updated_at AS "updatedAt",
         g.kind AS "groupKind", b.name AS "bassinName", s.place_type AS "placeType",
         s.place_address AS "placeAddress", s.place_url AS "placeUrl", o.name AS "hostName",
         o.street AS "hostStreet", o.postal_code AS "hostPostalCode", o.city AS "hostCity"
    FROM sessions s
    JOIN groups g ON g.id = s.group_id
    JOIN bassins b ON b.id = g.bassin_id
    LEFT JOIN organisations o ON o.id = s.host_organisation_id`;

function locationOf(row: SessionRow): string | null {
  if (row.placeType === 'online') return row.placeUrl || null;
  if (row.placeType === 'address') return row.placeAddress || null;
  if (!row.hostName) return null;
  const town = [row.hostPostalCode, row.hostCity].filter(Boolean).join(' ');
  return [row.hostName, row.hostStreet, town].filter(Boolean).join(', ');
}

function toCalendarSession(row: SessionRow): CalendarSession {
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

/** Reads sessions as calendars and session mails need them (place resolved, group named). */
@Injectable()
export class CalendarSessions {
  constructor(private readonly dataSource: DataSource) {}

  /** One session, or null when it does not exist. */
  async one(
    sessionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CalendarSession | null> {
    const rows: SessionRow[] = await manager.query(`${SELECT_SESSIONS} WHERE s.id = $1`, [sessionId]);
    return rows[0] ? toCalendarSession(rows[0]) : null;
  }

  /**
   * The dated sessions of a member's groups and those they are a guest of, starting from `since`
   * (cancelled ones included, so subscribed calendars remove them).
   */
  async forUser(userId: string, since: Date): Promise<CalendarSession[]> {
    const rows: SessionRow[] = await this.dataSource.query(
      `${SELECT_SESSIONS}
        WHERE s.starts_at IS NOT NULL AND s.starts_at >= $2
          AND (s.group_id IN (SELECT m.group_id FROM memberships m WHERE m.user_id = $1)
               OR EXISTS (SELECT 1 FROM session_guests sg WHERE sg.session_id = s.id AND sg.user_id = $1))
        ORDER BY s.starts_at`,
      [userId, since],
    );
    return rows.map(toCalendarSession);
  }
}
