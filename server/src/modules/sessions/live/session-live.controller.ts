import {
  CreateActionRequest,
  CreateDecisionRequest,
  type Decision,
  type FollowUpAction,
  Id,
  type LiveState,
  SetAttendanceRequest,
  UpdateActionRequest,
} from '@affluents/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import type { AuthContext } from '../../../common/auth/auth-context';
import { Auth } from '../../../common/auth/decorators';
import { LiveSessionService } from './live-session.service';
import { SessionFollowUpService } from './session-follow-up.service';

// Who may do what depends on the session's group and guests, known once it is loaded: the services
// apply the policy through SessionAccess.
@Controller()
export class SessionLiveController {
  constructor(
    private readonly live: LiveSessionService,
    private readonly followUp: SessionFollowUpService,
  ) {}

  @Get('sessions/:id/live')
  state(@Auth() auth: AuthContext, @Param('id', { schema: Id }) sessionId: string): Promise<LiveState> {
    return this.live.view(sessionId, auth.subject);
  }

  @Put('sessions/:id/attendance')
  @HttpCode(204)
  setAttendance(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) sessionId: string,
    @Body({ schema: SetAttendanceRequest }) body: SetAttendanceRequest,
  ): Promise<void> {
    return this.followUp.setAttendance(sessionId, body, auth.subject);
  }

  @Post('sessions/:id/decisions')
  addDecision(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) sessionId: string,
    @Body({ schema: CreateDecisionRequest }) body: CreateDecisionRequest,
  ): Promise<Decision> {
    return this.followUp.addDecision(sessionId, body, auth.subject);
  }

  @Delete('sessions/:id/decisions/:decisionId')
  @HttpCode(204)
  removeDecision(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) sessionId: string,
    @Param('decisionId', { schema: Id }) decisionId: string,
  ): Promise<void> {
    return this.followUp.removeDecision(sessionId, decisionId, auth.subject);
  }

  @Post('sessions/:id/actions')
  addAction(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) sessionId: string,
    @Body({ schema: CreateActionRequest }) body: CreateActionRequest,
  ): Promise<FollowUpAction> {
    return this.followUp.addAction(sessionId, body, auth.subject);
  }

  @Patch('actions/:id')
  updateAction(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) actionId: string,
    @Body({ schema: UpdateActionRequest }) body: UpdateActionRequest,
  ): Promise<FollowUpAction> {
    return this.followUp.updateAction(actionId, body, auth.subject);
  }
}
