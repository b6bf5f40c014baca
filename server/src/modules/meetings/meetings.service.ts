import {
  type AgendaItem,
  type CreateMeetingRequest,
  can,
  type MeetingDetail,
  type MeetingPlace,
  type MeetingSummary,
  type Participant,
  type RsvpRequest,
  type Subject,
  type UpdateMeetingRequest,
} from '@affluents/contracts';
import { readAgenda } from '@affluents/editor/template';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CollabDocuments } from '../../collab/collab-documents';
import { badRequest, conflict, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { MeetingChange } from '../../common/events/domain-events';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { rankHosts } from './host-rotation';
import { MeetingAccess } from './meeting-access';
import { assertGroupMeetings } from './meeting-group-access';
import {
  type MeetingRow,
  selectActions,
  selectDecisions,
  selectMeetings,
  toMeetingSummary,
  toPlace,
} from './meeting-rows';
import { MeetingStore, placeColumns } from './meeting-store';

export type MeetingsWhen = 'upcoming' | 'past' | 'all';

// Upcoming: not finished, and not yet over (or without a date yet). Cancelled meetings stay listed.
const UPCOMING = `s.status <> 'done' AND (s.ends_at IS NULL OR s.ends_at >= now())`;

const samePlace = (a: MeetingPlace, b: MeetingPlace) =>
  JSON.stringify(placeColumns(a)) === JSON.stringify(placeColumns(b));

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Meetings of a group: listing, creation (with thread and documents), moving and cancelling (each
 * calendar-visible change bumps the iCalendar sequence and emits a `meeting.*` domain event), answers to
 * the invitation, and the detail a member or a guest sees.
 */
@Injectable()
export class MeetingsService {
  private readonly logger = new Logger('Meetings');

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly store: MeetingStore,
    private readonly events: DomainEventBus,
    private readonly documents: CollabDocuments,
    private readonly hub: RealtimeHub,
  ) {}

  /** The group's meetings, upcoming (soonest first) or past (latest first); members only. */
  async list(groupId: string, when: MeetingsWhen, subject: Subject): Promise<MeetingSummary[]> {
    assertGroupMeetings(groupId, subject);
    const filter = when === 'upcoming' ? `AND ${UPCOMING}` : when === 'past' ? `AND NOT (${UPCOMING})` : '';
    const order =
      when === 'upcoming'
        ? 's.starts_at ASC NULLS LAST, s.created_at'
        : 's.starts_at DESC NULLS FIRST, s.created_at';
    const rows = await selectMeetings(
      this.dataSource.manager,
      subject.userId,
      `WHERE s.group_id = $2 ${filter} ORDER BY ${order}`,
      [groupId],
    );
    return rows.map(toMeetingSummary);
  }

  /** The caller's upcoming meetings across their groups and the meetings they are a guest of. */
  async mine(subject: Subject): Promise<MeetingSummary[]> {
    const rows = await selectMeetings(
      this.dataSource.manager,
      subject.userId,
      `WHERE (s.group_id IN (SELECT group_id FROM memberships WHERE user_id = $1)
              OR EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $1))
         AND s.status IN ('planned', 'live') AND (s.ends_at IS NULL OR s.ends_at >= now())
       ORDER BY s.starts_at ASC NULLS LAST, s.created_at`,
      [],
    );
    return rows.map(toMeetingSummary);
  }

  /** Creates a meeting (facilitators); without `hostOrganisationId` the rotation's next host is taken. */
  async create(groupId: string, input: CreateMeetingRequest, subject: Subject): Promise<MeetingDetail> {
    assertGroupMeetings(groupId, subject, 'meeting.manage');
    const hostOrganisationId = await this.chooseHost(groupId, input.hostOrganisationId);
    const startsAt = input.startsAt ? new Date(input.startsAt) : null;
    const id = await this.dataSource.transaction((manager) =>
      this.store.insert(manager, {
        groupId,
        title: input.title,
        kind: input.kind,
        startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        place: input.place,
        hostOrganisationId,
        createdById: subject.userId,
      }),
    );
    if (startsAt) void this.events.emit('meeting.scheduled', { meetingId: id });
    this.announce(groupId, id);
    return this.detail(id, subject);
  }

  /** Moves, renames, re-hosts, cancels or reinstates a meeting (facilitators). */
  async update(id: string, input: UpdateMeetingRequest, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(id, subject, 'meeting.manage');
    if (input.hostOrganisationId && !(await this.store.organisationExists(input.hostOrganisationId))) {
      throw badRequest('Organisation inconnue', [
        { path: 'hostOrganisationId', message: 'Organisation inconnue' },
      ]);
    }
    const event = await this.dataSource.transaction(async (manager) => {
      const [current]: MeetingRow[] = await manager.query(
        `SELECT status, starts_at AS "startsAt", ends_at AS "endsAt", place_type AS "placeType",
                place_address AS "placeAddress", place_url AS "placeUrl", host_organisation_id AS "hostId"
           FROM meetings WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (current.status === 'live' || current.status === 'done') {
        throw conflict('Une rencontre commencée ou terminée ne se modifie plus');
      }
      const startsAt = input.startsAt !== undefined ? new Date(input.startsAt) : current.startsAt;
      const endsAt = input.endsAt !== undefined ? new Date(input.endsAt) : current.endsAt;
      if ((startsAt === null) !== (endsAt === null) || (startsAt && endsAt && endsAt <= startsAt)) {
        const message = 'La fin doit suivre le début';
        throw badRequest(message, [{ path: 'endsAt', message }]);
      }
      const oldPlace = toPlace(current);
      const place = input.place ?? oldPlace;
      const hostId = input.hostOrganisationId !== undefined ? input.hostOrganisationId : current.hostId;
      const status = input.status ?? current.status;
      const moved =
        !sameTime(startsAt, current.startsAt) ||
        !sameTime(endsAt, current.endsAt) ||
        !samePlace(place, oldPlace) ||
        (place.type === 'host' && hostId !== current.hostId);
      const statusChanged = status !== current.status;
      const columns = placeColumns(place);
      await manager.query(
        `UPDATE meetings SET title = coalesce($2, title), kind = coalesce($3, kind), starts_at = $4, ends_at = $5,
                place_type = $6, place_address = $7, place_url = $8, host_organisation_id = $9, status = $10,
                ical_sequence = ical_sequence + $11, updated_at = now()
          WHERE id = $1`,
        [
          id,
          input.title ?? null,
          input.kind ?? null,
          startsAt,
          endsAt,
          columns.type,
          columns.address,
          columns.url,
          hostId,
          status,
          moved || statusChanged ? 1 : 0,
        ],
      );
      return this.eventOf(current.startsAt, startsAt, moved, statusChanged ? status : null);
    });
    if (event === 'scheduled') void this.events.emit('meeting.scheduled', { meetingId: id });
    else if (event) void this.events.emit('meeting.changed', { meetingId: id, change: event });
    this.announce(meeting.groupId, id);
    return this.detail(id, subject);
  }

  /** Records the caller's answer to the invitation (members and the meeting's guests). */
  async rsvp(id: string, input: RsvpRequest, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(id, subject, 'meeting.participate');
    if (meeting.status === 'cancelled' || meeting.status === 'done') {
      throw conflict('Cette rencontre est annulée ou terminée : la réponse n’est plus possible');
    }
    await this.dataSource.query(
      `INSERT INTO meeting_rsvps (meeting_id, user_id, answer) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET answer = EXCLUDED.answer, updated_at = now()`,
      [id, subject.userId, input.answer],
    );
    this.announce(meeting.groupId, id);
    return this.detail(id, subject);
  }

  /** The whole meeting as the caller sees it (404 unless a member of its group or its guest). */
  async detail(id: string, subject: Subject): Promise<MeetingDetail> {
    const { meeting, target } = await this.access.assert(id, subject, 'meeting.view');
    const manager = this.dataSource.manager;
    const [row] = await selectMeetings(manager, subject.userId, 'WHERE s.id = $2', [id]);
    if (!row) throw notFound('Rencontre introuvable');
    const member = subject.memberships.some((m) => m.groupId === meeting.groupId);
    const canManage = can(subject, 'meeting.manage', target);
    const [group, participants, agenda, openActions, actions, decisions, minutes] = await Promise.all([
      this.group(meeting.groupId),
      this.participants(row, subject, member),
      this.agenda(row.agendaDocName),
      // Earlier meetings' actions belong to the group's work: guests do not see them.
      member
        ? selectActions(
            manager,
            `WHERE a.group_id = $1 AND a.status = 'open' AND a.meeting_id <> $2
               AND coalesce(s.starts_at, s.created_at) < $3
             ORDER BY a.due_on ASC NULLS LAST, a.created_at`,
            [meeting.groupId, id, row.startsAt ?? row.createdAt],
          )
        : Promise.resolve([]),
      selectActions(manager, 'WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id', [id]),
      selectDecisions(manager, id),
      this.minutes(id),
    ]);
    return {
      ...toMeetingSummary(row),
      group,
      agendaDocName: row.agendaDocName,
      notesDocName: row.notesDocName,
      threadId: row.threadId,
      datePollId: row.datePollId,
      participants,
      agenda,
      openActions,
      actions,
      decisions,
      minutes,
      canManage,
      isGuest: !member,
    };
  }

  /** Tells the group's open pages that a meeting changed (they refetch it). */
  announce(groupId: string, meetingId: string): void {
    this.hub.emit(rooms.group(groupId), 'meeting:updated', { meetingId });
  }

  private eventOf(
    before: Date | null,
    after: Date | null,
    moved: boolean,
    newStatus: string | null,
  ): MeetingChange | 'scheduled' | null {
    // Calendars only know a meeting once it has a date: nothing to tell them before.
    if (newStatus === 'cancelled') return before ? 'cancelled' : null;
    if (newStatus === 'planned') return after ? 'reinstated' : null;
    if (!moved || !after) return null;
    return before ? 'moved' : 'scheduled';
  }

  private async chooseHost(groupId: string, requested: string | null | undefined): Promise<string | null> {
    if (requested === null) return null;
    if (requested !== undefined) {
      if (!(await this.store.organisationExists(requested))) {
        throw badRequest('Organisation inconnue', [
          { path: 'hostOrganisationId', message: 'Organisation inconnue' },
        ]);
      }
      return requested;
    }
    return rankHosts(await this.store.hostHistory(groupId))[0]?.id ?? null;
  }

  private async group(groupId: string): Promise<MeetingDetail['group']> {
    const [group]: Array<MeetingDetail['group']> = await this.dataSource.query(
      `SELECT g.id, g.kind, b.name AS "bassinName" FROM groups g JOIN bassins b ON b.id = g.bassin_id
        WHERE g.id = $1`,
      [groupId],
    );
    return group;
  }

  /**
   * The group's members and the meeting's guests with their answers and attendance. The group sees
   * everyone's answers; a guest sees only their own.
   */
  private async participants(row: MeetingRow, subject: Subject, member: boolean): Promise<Participant[]> {
    const rows: Array<{
      id: string;
      displayName: string;
      role: Participant['role'];
      organisation: string | null;
      rsvp: Participant['rsvp'];
      attendance: Participant['attendance'];
    }> = await this.dataSource.query(
      `SELECT p.* FROM (
         SELECT u.id, u.display_name AS "displayName", m.role, o.name AS organisation, r.answer AS rsvp,
                a.state AS attendance
           FROM memberships m JOIN users u ON u.id = m.user_id
           LEFT JOIN organisations o ON o.id = u.organisation_id
           LEFT JOIN meeting_rsvps r ON r.meeting_id = $1 AND r.user_id = u.id
           LEFT JOIN meeting_attendance a ON a.meeting_id = $1 AND a.user_id = u.id
          WHERE m.group_id = $2 AND u.disabled_at IS NULL
         UNION ALL
         SELECT u.id, u.display_name, 'guest', coalesce(g.organisation, o.name), r.answer, a.state
           FROM meeting_guests g JOIN users u ON u.id = g.user_id
           LEFT JOIN organisations o ON o.id = u.organisation_id
           LEFT JOIN meeting_rsvps r ON r.meeting_id = $1 AND r.user_id = u.id
           LEFT JOIN meeting_attendance a ON a.meeting_id = $1 AND a.user_id = u.id
          WHERE g.meeting_id = $1
       ) p
       ORDER BY CASE p.role WHEN 'facilitator' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, p."displayName", p.id`,
      [row.id, row.groupId],
    );
    return rows.map((p) => ({
      person: { id: p.id, displayName: p.displayName },
      role: p.role,
      organisation: p.organisation,
      rsvp: member || p.id === subject.userId ? p.rsvp : null,
      attendance: p.attendance,
    }));
  }

  private async agenda(docName: string): Promise<AgendaItem[]> {
    try {
      const doc = await this.documents.readDocument(docName);
      try {
        return readAgenda(doc);
      } finally {
        doc.destroy();
      }
    } catch (err) {
      // An unreadable agenda must not hide the meeting: show it without agenda and say so in the log.
      this.logger.warn(`agenda ${docName}: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  private async minutes(meetingId: string): Promise<MeetingDetail['minutes']> {
    const [m]: Array<{
      status: 'draft' | 'review' | 'published';
      reviewEndsAt: Date | null;
      publishedAt: Date | null;
      visibleToGuests: boolean;
    }> = await this.dataSource.query(
      `SELECT status, review_ends_at AS "reviewEndsAt", published_at AS "publishedAt",
              visible_to_guests AS "visibleToGuests"
         FROM meeting_minutes WHERE meeting_id = $1`,
      [meetingId],
    );
    if (!m) return null;
    return {
      status: m.status,
      reviewEndsAt: m.reviewEndsAt ? new Date(m.reviewEndsAt).toISOString() : null,
      publishedAt: m.publishedAt ? new Date(m.publishedAt).toISOString() : null,
      visibleToGuests: m.visibleToGuests,
    };
  }
}
