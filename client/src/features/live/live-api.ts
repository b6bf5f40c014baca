import type {
  CreateActionRequest,
  CreateDecisionRequest,
  Decision,
  FollowUpAction,
  LiveState,
  MinutesAmendment,
  ProposeAmendmentRequest,
  PublishedMinutes,
  SessionDetail,
  SetAttendanceRequest,
  UpdateActionRequest,
} from '@affluents/contracts';
import { api, apiRequest } from '../../lib/api-client';

/** The HTTP side of the live mode and the minutes (the live state itself travels on the socket). */
export const liveApi = {
  session: (sessionId: string, signal?: AbortSignal) =>
    api.get<SessionDetail>(`/api/sessions/${sessionId}`, undefined, signal),
  liveState: (sessionId: string, signal?: AbortSignal) =>
    api.get<LiveState>(`/api/sessions/${sessionId}/live`, undefined, signal),
  setAttendance: (sessionId: string, body: SetAttendanceRequest) =>
    apiRequest<unknown>(`/api/sessions/${sessionId}/attendance`, { method: 'PUT', body }),
  addDecision: (sessionId: string, body: CreateDecisionRequest) =>
    api.post<Decision>(`/api/sessions/${sessionId}/decisions`, body),
  addAction: (sessionId: string, body: CreateActionRequest) =>
    api.post<FollowUpAction>(`/api/sessions/${sessionId}/actions`, body),
  updateAction: (actionId: string, body: UpdateActionRequest) =>
    api.patch<FollowUpAction>(`/api/actions/${actionId}`, body),

  startReview: (sessionId: string, reviewDays = 7) =>
    api.post<unknown>(`/api/sessions/${sessionId}/minutes/review`, { reviewDays }),
  amendments: (sessionId: string, signal?: AbortSignal) =>
    api.get<MinutesAmendment[]>(`/api/sessions/${sessionId}/minutes/amendments`, undefined, signal),
  proposeAmendment: (sessionId: string, body: ProposeAmendmentRequest) =>
    api.post<MinutesAmendment>(`/api/sessions/${sessionId}/minutes/amendments`, body),
  decideAmendment: (sessionId: string, amendmentId: string, status: 'accepted' | 'rejected') =>
    api.post<MinutesAmendment>(`/api/sessions/${sessionId}/minutes/amendments/${amendmentId}/decision`, {
      status,
    }),
  publish: (sessionId: string, visibleToGuests: boolean) =>
    api.post<PublishedMinutes>(`/api/sessions/${sessionId}/minutes/publish`, { visibleToGuests }),
  minutes: (sessionId: string, signal?: AbortSignal) =>
    api.get<PublishedMinutes>(`/api/sessions/${sessionId}/minutes`, undefined, signal),
};

/** The PDF of the published minutes (served with a download name by the server). */
export function minutesPdfUrl(sessionId: string): string {
  return `/api/sessions/${sessionId}/minutes.pdf`;
}
