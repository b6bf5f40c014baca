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
import { MeetingFollowUpService } from './meeting-follow-up.service';

// Who may do what depends on the meeting's group and guests, known once it is loaded: the services
// apply the policy through MeetingAccess.
@Controller()
export class MeetingLiveController {
  constructor(
    private readonly live: LiveSessionService,
    private readonly followUp: MeetingFollowUpService,
  ) {}

  @Get('meetings/:id/live')
  state(@Auth() auth: AuthContext, @Param('id', { schema: Id }) meetingId: string): Promise<LiveState> {
    return this.live.view(meetingId, auth.subject);
  }

  @Put('meetings/:id/attendance')
  @HttpCode(204)
  setAttendance(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) meetingId: string,
    @Body({ schema: SetAttendanceRequest }) body: SetAttendanceRequest,
  ): Promise<void> {
    return this.followUp.setAttendance(meetingId, body, auth.subject);
  }

  @Post('meetings/:id/decisions')
  addDecision(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) meetingId: string,
    @Body({ schema: CreateDecisionRequest }) body: CreateDecisionRequest,
  ): Promise<Decision> {
    return this.followUp.addDecision(meetingId, body, auth.subject);
  }

  @Delete('meetings/:id/decisions/:decisionId')
  @HttpCode(204)
  removeDecision(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) meetingId: string,
    @Param('decisionId', { schema: Id }) decisionId: string,
  ): Promise<void> {
    return this.followUp.removeDecision(meetingId, decisionId, auth.subject);
  }

  @Post('meetings/:id/actions')
  addAction(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) meetingId: string,
    @Body({ schema: CreateActionRequest }) body: CreateActionRequest,
  ): Promise<FollowUpAction> {
    return this.followUp.addAction(meetingId, body, auth.subject);
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
