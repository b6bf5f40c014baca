import type { ListMeetingsQuery, MyMeetingsQuery } from '@affluents/contracts';
import {
  CloseDatePollRequest,
  CreateMeetingRequest,
  DeclineHostRequest,
  type FollowUpAction,
  type HostProposal,
  InviteGuestRequest,
  ListActionsQuery,
  type MeetingDetail,
  type MeetingSummary,
  OpenDatePollRequest,
  type PlannedMeeting,
  PlanYearRequest,
  RsvpRequest,
  routes,
  UpdateMeetingRequest,
} from '@affluents/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { MeetingActionsQuery } from './meeting-actions-query.service';
import { MeetingDatePollService } from './meeting-date-poll.service';
import { MeetingGuestsService } from './meeting-guests.service';
import { MeetingPlanningService } from './meeting-planning.service';
import { MeetingsService } from './meetings.service';

const r = routes.meetings;

// A meeting's group is known once it is loaded, so the services apply the policy (MeetingAccess,
// assertGroupMeetings): outsiders and guests get 404 on what is not theirs.
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly planning: MeetingPlanningService,
    private readonly datePolls: MeetingDatePollService,
    private readonly guests: MeetingGuestsService,
    private readonly actions: MeetingActionsQuery,
  ) {}

  @Route(r.list)
  list(
    @Auth() auth: AuthContext,
    @Param('groupId') groupId: string,
    @Query() query: ListMeetingsQuery,
  ): Promise<MeetingSummary[]> {
    return this.meetings.list(groupId, query.when, auth.subject);
  }

  @Route(r.create)
  create(
    @Auth() auth: AuthContext,
    @Param('groupId') groupId: string,
    @Body() body: CreateMeetingRequest,
  ): Promise<MeetingDetail> {
    return this.meetings.create(groupId, body, auth.subject);
  }

  @Route(r.nextHost)
  nextHost(@Auth() auth: AuthContext, @Param('groupId') groupId: string): Promise<HostProposal[]> {
    return this.planning.nextHosts(groupId, auth.subject);
  }

  @Route(r.plan)
  plan(
    @Auth() auth: AuthContext,
    @Param('groupId') groupId: string,
    @Body() body: PlanYearRequest,
  ): Promise<PlannedMeeting[]> {
    return this.planning.plan(groupId, body, auth.subject);
  }

  @Route(r.groupActions)
  groupActions(
    @Auth() auth: AuthContext,
    @Param('groupId') groupId: string,
    @Query() query: ListActionsQuery,
  ): Promise<FollowUpAction[]> {
    return this.actions.ofGroup(groupId, query, auth.subject);
  }

  @Route(r.myMeetings)
  myMeetings(@Auth() auth: AuthContext, @Query() query: MyMeetingsQuery): Promise<MeetingSummary[]> {
    return this.meetings.mine(auth.subject, query.when);
  }

  @Route(r.myActions)
  myActions(@Auth() auth: AuthContext, @Query() query: ListActionsQuery): Promise<FollowUpAction[]> {
    return this.actions.mine(query, auth.subject);
  }

  @Route(r.detail)
  detail(@Auth() auth: AuthContext, @Param('id') id: string): Promise<MeetingDetail> {
    return this.meetings.detail(id, auth.subject);
  }

  @Route(r.update)
  update(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: UpdateMeetingRequest,
  ): Promise<MeetingDetail> {
    return this.meetings.update(id, body, auth.subject);
  }

  @Route(r.rsvp)
  rsvp(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: RsvpRequest,
  ): Promise<MeetingDetail> {
    return this.meetings.rsvp(id, body, auth.subject);
  }

  @Route(r.declineHost)
  declineHost(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: DeclineHostRequest,
  ): Promise<HostProposal[]> {
    return this.planning.declineHost(id, body, auth.subject);
  }

  @Route(r.openDatePoll)
  openDatePoll(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: OpenDatePollRequest,
  ): Promise<MeetingDetail> {
    return this.datePolls.open(id, body, auth.subject);
  }

  @Route(r.closeDatePoll)
  closeDatePoll(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: CloseDatePollRequest,
  ): Promise<MeetingDetail> {
    return this.datePolls.close(id, body, auth.subject);
  }

  @Route(r.inviteGuest)
  inviteGuest(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: InviteGuestRequest,
  ): Promise<MeetingDetail> {
    return this.guests.invite(id, body, auth.subject);
  }

  @Route(r.removeGuest)
  removeGuest(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<MeetingDetail> {
    return this.guests.remove(id, userId, auth.subject);
  }
}
