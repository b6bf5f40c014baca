import {
  addMonthsOnWorkingDay,
  can,
  type DeclineHostRequest,
  type HostProposal,
  type PlannedMeeting,
  type PlanYearRequest,
  type Subject,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, forbidden } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { GroupsService } from '../groups/groups.service';
import { UsersService } from '../users/users.service';
import { assignHosts, rankHosts, toHostProposal } from './host-rotation';
import { MeetingAccess } from './meeting-access';
import { assertGroupMeetings } from './meeting-group-access';
import { MeetingStore } from './meeting-store';
import { MeetingsService } from './meetings.service';

/** The hosting rotation: who hosts next, a year laid out at a rhythm, and declining a turn. */
@Injectable()
export class MeetingPlanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly store: MeetingStore,
    private readonly events: DomainEventBus,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly groups: GroupsService,
  ) {}

  /** The group's member organisations in the fair order of hosting (members of the group). */
  async nextHosts(groupId: string, subject: Subject): Promise<HostProposal[]> {
    assertGroupMeetings(groupId, subject);
    return rankHosts(await this.store.hostHistory(groupId)).map(toHostProposal);
  }

  /**
   * Lays out `count` meetings every `everyMonths` months with hosts in rotation (facilitators). A dry
   * run only proposes; otherwise the meetings are created together, and one invitation listing them goes out.
   */
  async plan(groupId: string, input: PlanYearRequest, subject: Subject): Promise<PlannedMeeting[]> {
    assertGroupMeetings(groupId, subject, 'meeting.manage');
    const first = new Date(input.firstStartsAt);
    if (!input.dryRun && first <= new Date()) {
      const message = 'La première rencontre doit être dans le futur';
      throw badRequest(message, [{ path: 'firstStartsAt', message }]);
    }
    const slots = Array.from({ length: input.count }, (_, i) => {
      const startsAt = addMonthsOnWorkingDay(first, i * input.everyMonths);
      return {
        title: `${input.titlePrefix} ${i + 1}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
      };
    });
    const planned = await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent plans of one group so two of them never pick the same rotation.
      await this.groups.lock(manager, groupId);
      const withHosts = assignHosts(slots, await this.store.hostHistory(groupId, manager));
      if (input.dryRun) return { withHosts, ids: [] as string[] };
      const ids: string[] = [];
      for (const slot of withHosts) {
        ids.push(
          await this.store.insert(manager, {
            groupId,
            title: slot.title,
            kind: 'regular',
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            place: { type: 'host' },
            hostOrganisationId: slot.host?.id ?? null,
            createdById: subject.userId,
          }),
        );
      }
      return { withHosts, ids };
    });
    if (planned.ids.length > 0) {
      void this.events.emit('meeting.year-planned', {
        groupId,
        meetingIds: planned.ids,
        actorId: subject.userId,
      });
    }
    for (const id of planned.ids) this.meetings.announce(groupId, id);
    return planned.withHosts.map((s) => ({
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      host: s.host ? { id: s.host.id, name: s.host.name } : null,
    }));
  }

  /**
   * Records that an organisation declines to host this meeting (a facilitator, or a member of that
   * organisation). When it was the host, the meeting goes to the next organisation of the rotation.
   * Returns the new ranking, the organisation now hosting first when one was found.
   */
  async declineHost(meetingId: string, input: DeclineHostRequest, subject: Subject): Promise<HostProposal[]> {
    const { meeting, target } = await this.access.assert(meetingId, subject, 'meeting.participate');
    if (!can(subject, 'meeting.manage', target)) {
      const member = subject.memberships.some((m) => m.groupId === meeting.groupId);
      if (!member || (await this.users.organisationOf(subject.userId)) !== input.organisationId) {
        throw forbidden('Seuls un animateur ou l’organisation concernée peuvent décliner l’accueil');
      }
    }
    const rehosted = await this.dataSource.transaction(async (manager) => {
      const current = await this.store.lockSchedule(manager, meetingId);
      await this.store.recordDecline(manager, {
        groupId: meeting.groupId,
        organisationId: input.organisationId,
        meetingId,
      });
      if (current.hostId !== input.organisationId || current.status !== 'planned') return null;
      // The meeting's own hosting no longer counts for the one who declined it.
      await this.store.clearHost(manager, meetingId);
      const next = rankHosts(await this.store.hostHistory(meeting.groupId, manager)).find(
        (h) => h.id !== input.organisationId,
      );
      await this.store.rehost(manager, meetingId, next?.id ?? null);
      return { dated: current.startsAt !== null };
    });
    if (rehosted?.dated)
      void this.events.emit('meeting.changed', { meetingId, change: 'moved', actorId: subject.userId });
    if (rehosted) this.meetings.announce(meeting.groupId, meetingId);
    return rankHosts(await this.store.hostHistory(meeting.groupId)).map(toHostProposal);
  }
}
