import {
  type CreateMeetingRequest,
  can,
  type MeetingDetail,
  type MeetingPlace,
  type MeetingSummary,
  type MyMeetingsQuery,
  type Participant,
  type RsvpRequest,
  type Subject,
  type UpdateMeetingRequest,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, conflict, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { MeetingChange } from '../../common/events/domain-events';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { OrganisationsService } from '../organisations/organisations.service';
import { actionsOfMeeting, openActionsBefore } from './follow-up-rows';
import { rankHosts } from './host-rotation';
import { decisionsOfMeeting } from './live/live-rows';
import { MeetingAccess } from './meeting-access';
import { MeetingAgenda } from './meeting-agenda';
import { assertGroupMeetings } from './meeting-group-access';
import {
  type MeetingsWhen,
  meetingGroup,
  meetingParticipants,
  meetingRow,
  meetingsOfGroup,
  pastMeetingsOf,
  toMeetingSummary,
  toPlace,
  upcomingMeetingsOf,
} from './meeting-rows';
import { MeetingStore, placeColumns } from './meeting-store';
import { minutesState } from './minutes/minutes-rows';

export type { MeetingsWhen } from './meeting-rows';

/** How many past meetings "my meetings" lists: a guest's or member's recent history, not an archive. */
const PAST_MEETINGS_SHOWN = 20;

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly store: MeetingStore,
    private readonly organisations: OrganisationsService,
    private readonly events: DomainEventBus,
    private readonly hub: RealtimeHub,
    private readonly agendaOf: MeetingAgenda,
  ) {}

  /** The group's meetings, upcoming (soonest first) or past (latest first); members only. */
  async list(groupId: string, when: MeetingsWhen, subject: Subject): Promise<MeetingSummary[]> {
    assertGroupMeetings(groupId, subject);
    const rows = await meetingsOfGroup(this.dataSource, subject.userId, groupId, when);
    return rows.map(toMeetingSummary);
  }

  /** The caller's upcoming (or last past) meetings across their groups and the meetings they are a guest of. */
  async mine(subject: Subject, when: MyMeetingsQuery['when'] = 'upcoming'): Promise<MeetingSummary[]> {
    const rows =
      when === 'past'
        ? await pastMeetingsOf(this.dataSource, subject.userId, PAST_MEETINGS_SHOWN)
        : await upcomingMeetingsOf(this.dataSource, subject.userId);
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
    if (startsAt) void this.events.emit('meeting.scheduled', { meetingId: id, actorId: subject.userId });
    this.announce(groupId, id);
    return this.detail(id, subject);
  }

  /** Moves, renames, re-hosts, cancels or reinstates a meeting (facilitators). */
  async update(id: string, input: UpdateMeetingRequest, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(id, subject, 'meeting.manage');
    if (input.hostOrganisationId && !(await this.organisations.exists(input.hostOrganisationId))) {
      throw badRequest('Organisation inconnue', [
        { path: 'hostOrganisationId', message: 'Organisation inconnue' },
      ]);
    }
    const event = await this.dataSource.transaction(async (manager) => {
      const current = await this.store.lockSchedule(manager, id);
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
      await this.store.change(manager, id, {
        title: input.title ?? null,
        kind: input.kind ?? null,
        startsAt,
        endsAt,
        place,
        hostOrganisationId: hostId,
        status,
        calendarVisible: moved || statusChanged,
      });
      return this.eventOf(current.startsAt, startsAt, moved, statusChanged ? status : null);
    });
    if (event === 'scheduled')
      void this.events.emit('meeting.scheduled', { meetingId: id, actorId: subject.userId });
    else if (event)
      void this.events.emit('meeting.changed', { meetingId: id, change: event, actorId: subject.userId });
    this.announce(meeting.groupId, id);
    return this.detail(id, subject);
  }

  /** Records the caller's answer to the invitation (members and the meeting's guests). */
  async rsvp(id: string, input: RsvpRequest, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(id, subject, 'meeting.participate');
    if (meeting.status === 'cancelled' || meeting.status === 'done') {
      throw conflict('Cette rencontre est annulée ou terminée : la réponse n’est plus possible');
    }
    await this.store.answer(id, subject.userId, input.answer);
    this.announce(meeting.groupId, id);
    return this.detail(id, subject);
  }

  /** The whole meeting as the caller sees it (404 unless a member of its group or its guest). */
  async detail(id: string, subject: Subject): Promise<MeetingDetail> {
    const { meeting, target } = await this.access.assert(id, subject, 'meeting.view');
    const db = this.dataSource;
    const row = await meetingRow(db, subject.userId, id);
    if (!row) throw notFound('Rencontre introuvable');
    const member = subject.memberships.some((m) => m.groupId === meeting.groupId);
    const canManage = can(subject, 'meeting.manage', target);
    const [group, participants, agenda, openActions, actions, decisions, minutes] = await Promise.all([
      meetingGroup(db, meeting.groupId),
      this.participants(row.id, row.groupId, subject, member),
      this.agendaOf.itemsOrNone(row.agendaDocName),
      // Earlier meetings' actions belong to the group's work: guests do not see them.
      member
        ? openActionsBefore(db, meeting.groupId, id, row.startsAt ?? row.createdAt)
        : Promise.resolve([]),
      actionsOfMeeting(db, id),
      decisionsOfMeeting(db, id),
      minutesState(db, id),
    ]);
    return {
      ...toMeetingSummary(row),
      group,
      agendaDocName: row.agendaDocName,
      notesDocName: row.notesDocName,
      threadId: row.threadId,
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
      if (!(await this.organisations.exists(requested))) {
        throw badRequest('Organisation inconnue', [
          { path: 'hostOrganisationId', message: 'Organisation inconnue' },
        ]);
      }
      return requested;
    }
    return rankHosts(await this.store.hostHistory(groupId))[0]?.id ?? null;
  }

  /**
   * The group's members and the meeting's guests with their answers and attendance. The group sees
   * everyone's answers; a guest sees only their own.
   */
  private async participants(
    meetingId: string,
    groupId: string,
    subject: Subject,
    member: boolean,
  ): Promise<Participant[]> {
    const participants = await meetingParticipants(this.dataSource, meetingId, groupId);
    return participants.map((p) => ({
      ...p,
      rsvp: member || p.person.id === subject.userId ? p.rsvp : null,
    }));
  }
}
