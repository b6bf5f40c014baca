import {
  CloseDatePollRequest,
  CreateSessionRequest,
  DeclineHostRequest,
  type FollowUpAction,
  type HostProposal,
  Id,
  InviteGuestRequest,
  ListActionsQuery,
  OpenDatePollRequest,
  type PlannedSession,
  PlanYearRequest,
  RsvpRequest,
  type SessionDetail,
  type SessionSummary,
  UpdateSessionRequest,
} from '@affluents/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { SessionActionsQuery } from './session-actions-query.service';
import { SessionDatePollService } from './session-date-poll.service';
import { SessionGuestsService } from './session-guests.service';
import { SessionPlanningService } from './session-planning.service';
import { ListSessionsQuery } from './session-queries';
import { SessionsService } from './sessions.service';

// A session's group is known once it is loaded, so the services apply the policy (SessionAccess,
// assertGroupSessions): outsiders and guests get 404 on what is not theirs.
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly planning: SessionPlanningService,
    private readonly datePolls: SessionDatePollService,
    private readonly guests: SessionGuestsService,
    private readonly actions: SessionActionsQuery,
  ) {}

  @Get('groups/:groupId/sessions')
  list(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Query({ schema: ListSessionsQuery }) query: ListSessionsQuery,
  ): Promise<SessionSummary[]> {
    return this.sessions.list(groupId, query.when, auth.subject);
  }

  @Post('groups/:groupId/sessions')
  create(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Body({ schema: CreateSessionRequest }) body: CreateSessionRequest,
  ): Promise<SessionDetail> {
    return this.sessions.create(groupId, body, auth.subject);
  }

  @Get('groups/:groupId/sessions/next-host')
  nextHost(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
  ): Promise<HostProposal[]> {
    return this.planning.nextHosts(groupId, auth.subject);
  }

  @Post('groups/:groupId/sessions/plan')
  @HttpCode(200)
  plan(
    @Auth() auth: AuthContext,
    @Param('groupId', { schema: Id }) groupId: string,
    @Body({ schema: PlanYearRequest }) body: PlanYearRequest,
  ): Promise<PlannedSession[]> {
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

  @Get('me/sessions')
  mySessions(@Auth() auth: AuthContext): Promise<SessionSummary[]> {
    return this.sessions.mine(auth.subject);
  }

  @Get('me/actions')
  myActions(
    @Auth() auth: AuthContext,
    @Query({ schema: ListActionsQuery }) query: ListActionsQuery,
  ): Promise<FollowUpAction[]> {
    return this.actions.mine(query, auth.subject);
  }

  @Get('sessions/:id')
  detail(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<SessionDetail> {
    return this.sessions.detail(id, auth.subject);
  }

  @Patch('sessions/:id')
  update(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: UpdateSessionRequest }) body: UpdateSessionRequest,
  ): Promise<SessionDetail> {
    return this.sessions.update(id, body, auth.subject);
  }

  @Post('sessions/:id/rsvp')
  @HttpCode(200)
  rsvp(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: RsvpRequest }) body: RsvpRequest,
  ): Promise<SessionDetail> {
    return this.sessions.rsvp(id, body, auth.subject);
  }

  @Post('sessions/:id/host-decline')
  @HttpCode(200)
  declineHost(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: DeclineHostRequest }) body: DeclineHostRequest,
  ): Promise<HostProposal[]> {
    return this.planning.declineHost(id, body, auth.subject);
  }

  @Post('sessions/:id/date-poll')
  openDatePoll(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: OpenDatePollRequest }) body: OpenDatePollRequest,
  ): Promise<SessionDetail> {
    return this.datePolls.open(id, body, auth.subject);
  }

  @Post('sessions/:id/date-poll/close')
  @HttpCode(200)
  closeDatePoll(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: CloseDatePollRequest }) body: CloseDatePollRequest,
  ): Promise<SessionDetail> {
    return this.datePolls.close(id, body, auth.subject);
  }

  @Post('sessions/:id/guests')
  inviteGuest(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: InviteGuestRequest }) body: InviteGuestRequest,
  ): Promise<SessionDetail> {
    return this.guests.invite(id, body, auth.subject);
  }

  @Delete('sessions/:id/guests/:userId')
  removeGuest(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Param('userId', { schema: Id }) userId: string,
  ): Promise<SessionDetail> {
    return this.guests.remove(id, userId, auth.subject);
  }
}
