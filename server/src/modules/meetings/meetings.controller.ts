import {
  CloseDatePollRequest,
  CreateMeetingRequest,
  DeclineHostRequest,
  type FollowUpAction,
  type HostProposal,
  Id,
  InviteGuestRequest,
  ListActionsQuery,
  type MeetingDetail,
  type MeetingSummary,
  OpenDatePollRequest,
  type PlannedMeeting,
  PlanYearRequest,
  RsvpRequest,
  UpdateMeetingRequest,
} from '@affluents/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { MeetingActionsQuery } from './meeting-actions-query.service';
import { MeetingDatePollService } from './meeting-date-poll.service';
import { MeetingGuestsService } from './meeting-guests.service';
import { MeetingPlanningService } from './meeting-planning.service';
import { ListMeetingsQuery } from './meeting-queries';
import { MeetingsService } from './meetings.service';

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

  @Get('groups/:groupId/meetings')
  list(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Query({ schema: ListMeetingsQuery }) query: ListMeetingsQuery,
  ): Promise<MeetingSummary[]> {
    return this.meetings.list(groupId, query.when, auth.subject);
  }

  @Post('groups/:groupId/meetings')
  create(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Body({ schema: CreateMeetingRequest }) body: CreateMeetingRequest,
  ): Promise<MeetingDetail> {
    return this.meetings.create(groupId, body, auth.subject);
  }

  @Get('groups/:groupId/meetings/next-host')
  nextHost(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
  ): Promise<HostProposal[]> {
    return this.planning.nextHosts(groupId, auth.subject);
  }

  @Post('groups/:groupId/meetings/plan')
  @HttpCode(200)
  plan(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Body({ schema: PlanYearRequest }) body: PlanYearRequest,
  ): Promise<PlannedMeeting[]> {
    return this.planning.plan(groupId, body, auth.subject);
  }

  @Get('groups/:groupId/actions')
  groupActions(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Query({ schema: ListActionsQuery }) query: ListActionsQuery,
  ): Promise<FollowUpAction[]> {
    return this.actions.ofGroup(groupId, query, auth.subject);
  }

  @Get('me/meetings')
  myMeetings(@Auth() auth: AuthContext): Promise<MeetingSummary[]> {
    return this.meetings.mine(auth.subject);
  }

  @Get('me/actions')
  myActions(
    @Auth() auth: AuthContext,
    @Query({ schema: ListActionsQuery }) query: ListActionsQuery,
  ): Promise<FollowUpAction[]> {
    return this.actions.mine(query, auth.subject);
  }

  @Get('meetings/:id')
  detail(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<MeetingDetail> {
    return this.meetings.detail(id, auth.subject);
  }

  @Patch('meetings/:id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: UpdateMeetingRequest }) body: UpdateMeetingRequest,
  ): Promise<MeetingDetail> {
    return this.meetings.update(id, body, auth.subject);
  }

  @Post('meetings/:id/rsvp')
  @HttpCode(200)
  rsvp(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: RsvpRequest }) body: RsvpRequest,
  ): Promise<MeetingDetail> {
    return this.meetings.rsvp(id, body, auth.subject);
  }

  @Post('meetings/:id/host-decline')
  @HttpCode(200)
  declineHost(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: DeclineHostRequest }) body: DeclineHostRequest,
  ): Promise<HostProposal[]> {
    return this.planning.declineHost(id, body, auth.subject);
  }

  @Post('meetings/:id/date-poll')
  openDatePoll(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: OpenDatePollRequest }) body: OpenDatePollRequest,
  ): Promise<MeetingDetail> {
    return this.datePolls.open(id, body, auth.subject);
  }

  @Post('meetings/:id/date-poll/close')
  @HttpCode(200)
  closeDatePoll(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: CloseDatePollRequest }) body: CloseDatePollRequest,
  ): Promise<MeetingDetail> {
    return this.datePolls.close(id, body, auth.subject);
  }

  @Post('meetings/:id/guests')
  inviteGuest(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: InviteGuestRequest }) body: InviteGuestRequest,
  ): Promise<MeetingDetail> {
    return this.guests.invite(id, body, auth.subject);
  }

  @Delete('meetings/:id/guests/:userId')
  removeGuest(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('userId', { schema: Id }) userId: string,
  ): Promise<MeetingDetail> {
    return this.guests.remove(id, userId, auth.subject);
  }
}
