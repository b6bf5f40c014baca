import {
  type CreateActionRequest,
  type CreateDecisionRequest,
  type DecideAmendmentRequest,
  type ProposeAmendmentRequest,
  routes,
  type SetAttendanceRequest,
  type UpdateActionRequest,
} from '@affluents/contracts';
import { call, hrefOf } from '../../lib/api-client';

const live = routes.meetingLive;
const minutes = routes.meetingMinutes;

/** The HTTP side of the live mode and the minutes (the live state itself travels on the socket). */
export const liveApi = {
  meeting: (meetingId: string, signal?: AbortSignal) =>
    call(routes.meetings.detail, { params: { id: meetingId }, signal }),
  liveState: (meetingId: string, signal?: AbortSignal) =>
    call(live.state, { params: { id: meetingId }, signal }),
  setAttendance: (meetingId: string, body: SetAttendanceRequest) =>
    call(live.setAttendance, { params: { id: meetingId }, body }),
  addDecision: (meetingId: string, body: CreateDecisionRequest) =>
    call(live.addDecision, { params: { id: meetingId }, body }),
  addAction: (meetingId: string, body: CreateActionRequest) =>
    call(live.addAction, { params: { id: meetingId }, body }),
  updateAction: (actionId: string, body: UpdateActionRequest) =>
    call(live.updateAction, { params: { id: actionId }, body }),

  startReview: (meetingId: string, reviewDays = 7) =>
    call(minutes.startReview, { params: { id: meetingId }, body: { reviewDays } }),
  amendments: (meetingId: string, signal?: AbortSignal) =>
    call(minutes.amendments, { params: { id: meetingId }, signal }),
  proposeAmendment: (meetingId: string, body: ProposeAmendmentRequest) =>
    call(minutes.propose, { params: { id: meetingId }, body }),
  decideAmendment: (meetingId: string, amendmentId: string, decision: DecideAmendmentRequest) =>
    call(minutes.decide, { params: { id: meetingId, amendmentId }, body: decision }),
  publish: (meetingId: string, visibleToGuests: boolean) =>
    call(minutes.publish, { params: { id: meetingId }, body: { visibleToGuests } }),
  minutes: (meetingId: string, signal?: AbortSignal) =>
    call(minutes.published, { params: { id: meetingId }, signal }),
};

/** The PDF of the published minutes (served with a download name by the server). */
export function minutesPdfUrl(meetingId: string): string {
  return hrefOf(minutes.pdf, { params: { id: meetingId } });
}
