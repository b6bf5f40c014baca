import {
  CreateActionRequest,
  CreateDecisionRequest,
  type Decision,
  type FollowUpAction,
  type LiveState,
  routes,
  SetAttendanceRequest,
  UpdateActionRequest,
} from '@affluents/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import type { AuthContext } from '../../../common/auth/auth-context';
import { Auth } from '../../../common/auth/decorators';
import { Route } from '../../../common/http/route.decorator';
import { LiveMeetingService } from './live-meeting.service';
import { MeetingFollowUpService } from './meeting-follow-up.service';

const r = routes.meetingLive;

// Who may do what depends on the meeting's group and guests, known once it is loaded: the services
// apply the policy through MeetingAccess.
@Controller()
export class MeetingLiveController {
  constructor(
    private readonly live: LiveMeetingService,
    private readonly followUp: MeetingFollowUpService,
  ) {}

  @Route(r.state)
  state(@Auth() auth: AuthContext, @Param('id') meetingId: string): Promise<LiveState> {
    return this.live.view(meetingId, auth.subject);
  }

  @Route(r.setAttendance)
  setAttendance(
    @Auth() auth: AuthContext,
    @Param('id') meetingId: string,
    @Body() body: SetAttendanceRequest,
  ): Promise<void> {
    return this.followUp.setAttendance(meetingId, body, auth.subject);
  }

  @Route(r.addDecision)
  addDecision(
    @Auth() auth: AuthContext,
    @Param('id') meetingId: string,
    @Body() body: CreateDecisionRequest,
  ): Promise<Decision> {
    return this.followUp.addDecision(meetingId, body, auth.subject);
  }

  @Route(r.removeDecision)
  removeDecision(
    @Auth() auth: AuthContext,
    @Param('id') meetingId: string,
    @Param('decisionId') decisionId: string,
  ): Promise<void> {
    return this.followUp.removeDecision(meetingId, decisionId, auth.subject);
  }

  @Route(r.addAction)
  addAction(
    @Auth() auth: AuthContext,
    @Param('id') meetingId: string,
    @Body() body: CreateActionRequest,
  ): Promise<FollowUpAction> {
    return this.followUp.addAction(meetingId, body, auth.subject);
  }

  @Route(r.updateAction)
  updateAction(
    @Auth() auth: AuthContext,
    @Param('id') actionId: string,
    @Body() body: UpdateActionRequest,
  ): Promise<FollowUpAction> {
    return this.followUp.updateAction(actionId, body, auth.subject);
  }
}
