import type { MeetingKind, MeetingPlace, RsvpAnswer } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { CollabDocuments } from '../../collab/collab-documents';
import { ThreadsService } from '../discussions/threads.service';
import type { HostHistory } from './host-rotation';
import type { MeetingFacts } from './meeting-access';

/** Partners from outside the network join focus meetings; they are not in the hosting rotation. */
const PARTNER_KINDS = ['cpas', 'mire', 'forem', 'chamber_of_commerce', 'ibefe', 'federation'];

export const agendaDocName = (meetingId: string) => `meeting-agenda:${meetingId}`;
export const notesDocName = (meetingId: string) => `meeting-notes:${meetingId}`;

export interface NewMeeting {
  groupId: string;
  title: string;
  kind: MeetingKind;
  startsAt: Date | null;
  endsAt: Date | null;
  place: MeetingPlace;
  hostOrganisationId: string | null;
  createdById: string;
}

/** The place as the meetings table stores it (three columns). */
export function placeColumns(place: MeetingPlace): {
  type: string;
  address: string | null;
  url: string | null;
} {
  return {
    type: place.type,
    address: place.type === 'address' ? place.address : null,
    url: place.type === 'online' ? place.url : null,
  };
}

/** A meeting's schedule, place and host, as read (locked) before changing them. */
export interface MeetingSchedule {
  status: MeetingFacts['status'];
  startsAt: Date | null;
  endsAt: Date | null;
  placeType: MeetingPlace['type'];
  placeAddress: string | null;
  placeUrl: string | null;
  hostId: string | null;
}

/** What a change of a meeting writes (title and kind: null keeps them). */
export interface MeetingChangeColumns {
  title: string | null;
  kind: MeetingKind | null;
  startsAt: Date | null;
  endsAt: Date | null;
  place: MeetingPlace;
  hostOrganisationId: string | null;
  status: MeetingFacts['status'];
  /** Bumps the iCalendar sequence: calendars replace their copy. */
  calendarVisible: boolean;
}

/**
 * The meetings table (with the hosting declines and the answers to invitations): writes new meetings
 * with their thread (through ThreadsService) and documents, changes them, and reads the hosting history.
 */
@Injectable()
export class MeetingStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: CollabDocuments,
    private readonly threads: ThreadsService,
  ) {}

  /**
   * Inserts a meeting in the caller's transaction, with its own thread ("Rencontre : <title>") and its
   * two shared documents (agenda, live notes) created empty by the server.
   */
  async insert(manager: EntityManager, input: NewMeeting): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query('SELECT gen_random_uuid() AS id');
    const threadId = await this.threads.insertThreadAbout(manager, {
      groupId: input.groupId,
      title: `Rencontre : ${input.title}`,
      authorId: input.createdById,
      about: { type: 'meeting', id },
    });
    const place = placeColumns(input.place);
    await manager.query(
      `INSERT INTO meetings (id, group_id, title, kind, status, starts_at, ends_at, place_type, place_address,
                             place_url, host_organisation_id, thread_id, agenda_doc_name, notes_doc_name,
                             created_by_id)
       VALUES ($1, $2, $3, $4, 'planned', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        id,
        input.groupId,
        input.title,
        input.kind,
        input.startsAt,
        input.endsAt,
        place.type,
        place.address,
        place.url,
        input.hostOrganisationId,
        threadId,
        agendaDocName(id),
        notesDocName(id),
        input.createdById,
      ],
    );
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    await this.documents.createDocument(manager, agendaDocName(id), empty);
    await this.documents.createDocument(manager, notesDocName(id), empty);
    return id;
  }

  /** The meeting's schedule, place and host, its row locked until the end of the caller's transaction. */
  async lockSchedule(manager: EntityManager, id: string): Promise<MeetingSchedule> {
    const [row]: MeetingSchedule[] = await manager.query(
      `SELECT status, starts_at AS "startsAt", ends_at AS "endsAt", place_type AS "placeType",
              place_address AS "placeAddress", place_url AS "placeUrl", host_organisation_id AS "hostId"
         FROM meetings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /** Writes a meeting's title, kind, schedule, place, host and status. */
  async change(manager: EntityManager, id: string, change: MeetingChangeColumns): Promise<void> {
    const place = placeColumns(change.place);
    await manager.query(
      `UPDATE meetings SET title = coalesce($2, title), kind = coalesce($3, kind), starts_at = $4, ends_at = $5,
              place_type = $6, place_address = $7, place_url = $8, host_organisation_id = $9, status = $10,
              ical_sequence = ical_sequence + $11, updated_at = now()
        WHERE id = $1`,
      [
        id,
        change.title,
        change.kind,
        change.startsAt,
        change.endsAt,
        place.type,
        place.address,
        place.url,
        change.hostOrganisationId,
        change.status,
        change.calendarVisible ? 1 : 0,
      ],
    );
  }

  /** Records that an organisation declined to host this meeting. */
  async recordDecline(
    manager: EntityManager,
    decline: { groupId: string; organisationId: string; meetingId: string },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO host_declines (group_id, organisation_id, meeting_id) VALUES ($1, $2, $3)',
      [decline.groupId, decline.organisationId, decline.meetingId],
    );
  }

  /** Leaves the meeting without host, quietly (no new calendar sequence): the rotation is read again after. */
  async clearHost(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE meetings SET host_organisation_id = NULL WHERE id = $1', [id]);
  }

  /** Gives the meeting a new host (or none); calendars see the change. */
  async rehost(manager: EntityManager, id: string, hostOrganisationId: string | null): Promise<void> {
    await manager.query(
      `UPDATE meetings SET host_organisation_id = $2, ical_sequence = ical_sequence + 1, updated_at = now()
        WHERE id = $1`,
      [id, hostOrganisationId],
    );
  }

  /** The meeting's open date poll and current start, or undefined when the meeting does not exist. */
  async datePoll(id: string): Promise<{ datePollId: string | null; startsAt: Date | null } | undefined> {
    const [row]: Array<{ datePollId: string | null; startsAt: Date | null }> = await this.dataSource.query(
      'SELECT date_poll_id AS "datePollId", starts_at AS "startsAt" FROM meetings WHERE id = $1',
      [id],
    );
    return row;
  }

  /** Attaches a date poll to a meeting that has none; false when another one got there first. */
  async attachDatePoll(id: string, pollId: string): Promise<boolean> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `WITH u AS (UPDATE meetings SET date_poll_id = $2, updated_at = now() WHERE id = $1 AND date_poll_id IS NULL
                  RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [id, pollId],
    );
    return n > 0;
  }

  /** Dates the meeting from its date poll `pollId` and detaches the poll; false when that poll is no longer attached. */
  async dateFromPoll(id: string, pollId: string, startsAt: string, endsAt: string): Promise<boolean> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `WITH u AS (UPDATE meetings SET starts_at = $3, ends_at = $4, date_poll_id = NULL,
                         ical_sequence = ical_sequence + 1, updated_at = now()
                   WHERE id = $1 AND date_poll_id = $2 RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [id, pollId, startsAt, endsAt],
    );
    return n > 0;
  }

  /** Records (or changes) a user's answer to the invitation. */
  async answer(id: string, userId: string, answer: RsvpAnswer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO meeting_rsvps (meeting_id, user_id, answer) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET answer = EXCLUDED.answer, updated_at = now()`,
      [id, userId, answer],
    );
  }

  /**
   * The member structures of a group (organisations of its current members, outside partners left
   * out) with their hosting history: meetings hosted or planned (not cancelled) and their last decline.
   */
  async hostHistory(
    groupId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostHistory[]> {
    const rows: Array<{
      id: string;
      name: string;
      lastHostedAt: Date | null;
      hostedCount: number;
      lastDeclinedAt: Date | null;
    }> = await manager.query(
      `SELECT o.id, o.name,
              (SELECT max(s.starts_at) FROM meetings s
                WHERE s.group_id = $1 AND s.host_organisation_id = o.id AND s.status <> 'cancelled'
                  AND s.starts_at IS NOT NULL) AS "lastHostedAt",
              (SELECT count(*)::int FROM meetings s
                WHERE s.group_id = $1 AND s.host_organisation_id = o.id AND s.status <> 'cancelled') AS "hostedCount",
              (SELECT max(coalesce(s.starts_at, d.declined_at)) FROM host_declines d
                 LEFT JOIN meetings s ON s.id = d.meeting_id
                WHERE d.group_id = $1 AND d.organisation_id = o.id) AS "lastDeclinedAt"
         FROM organisation_cards o
        WHERE o.kind <> ALL($2::text[])
          AND o.id IN (SELECT u.organisation_id FROM group_members m JOIN user_cards u ON u.id = m.user_id
                        WHERE m.group_id = $1 AND u.disabled_at IS NULL AND u.organisation_id IS NOT NULL)`,
      [groupId, PARTNER_KINDS],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      lastHostedAt: r.lastHostedAt ? new Date(r.lastHostedAt) : null,
      hostedCount: Number(r.hostedCount),
      lastDeclinedAt: r.lastDeclinedAt ? new Date(r.lastDeclinedAt) : null,
    }));
  }
}
