import type {
  CreateActionRequest,
  CreateDecisionRequest,
  Decision,
  FollowUpAction,
  LiveState,
  MeetingDetail,
  MinutesAmendment,
  ProposeAmendmentRequest,
  PublishedMinutes,
  SetAttendanceRequest,
  UpdateActionRequest,
} from '@affluents/contracts';
import { api, apiRequest } from '../../lib/api-client';

/** The HTTP side of the live mode and the minutes (the live state itself travels on the socket). */
export const liveApi = {
  meeting: (meetingId: string, signal?: AbortSignal) =>
    api.get<MeetingDetail>(`/api/meetings/${meetingId}`, undefined, signal),
  liveState: (meetingId: string, signal?: AbortSignal) =>
    api.get<LiveState>(`/api/meetings/${meetingId}/live`, undefined, signal),
  setAttendance: (meetingId: string, body: SetAttendanceRequest) =>
    apiRequest<unknown>(`/api/meetings/${meetingId}/attendance`, { method: 'PUT', body }),
  addDecision: (meetingId: string, body: CreateDecisionRequest) =>
    api.post<Decision>(`/api/meetings/${meetingId}/decisions`, body),
  addAction: (meetingId: string, body: CreateActionRequest) =>
    api.post<FollowUpAction>(`/api/meetings/${meetingId}/actions`, body),
  updateAction: (actionId: string, body: UpdateActionRequest) =>
    api.patch<FollowUpAction>(`/api/actions/${actionId}`, body),

  startReview: (meetingId: string, reviewDays = 7) =>
    api.post<unknown>(`/api/meetings/${meetingId}/minutes/review`, { reviewDays }),
  amendments: (meetingId: string, signal?: AbortSignal) =>
    api.get<MinutesAmendment[]>(`/api/meetings/${meetingId}/minutes/amendments`, undefined, signal),
  proposeAmendment: (meetingId: string, body: ProposeAmendmentRequest) =>
    api.post<MinutesAmendment>(`/api/meetings/${meetingId}/minutes/amendments`, body),
  decideAmendment: (meetingId: string, amendmentId: string, status: 'accepted' | 'rejected') =>
    api.post<MinutesAmendment>(`/api/meetings/${meetingId}/minutes/amendments/${amendmentId}/decision`, {
      status,
    }),
  publish: (meetingId: string, visibleToGuests: boolean) =>
    api.post<PublishedMinutes>(`/api/meetings/${meetingId}/minutes/publish`, { visibleToGuests }),
  minutes: (meetingId: string, signal?: AbortSignal) =>
    api.get<PublishedMinutes>(`/api/meetings/${meetingId}/minutes`, undefined, signal),
};

/** The PDF of the published minutes (served with a download name by the server). */
export function minutesPdfUrl(meetingId: string): string {
  return `/api/meetings/${meetingId}/minutes.pdf`;
}
