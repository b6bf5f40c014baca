import type {
  CalendarFeed,
  CloseDatePollRequest,
  CreateSessionRequest,
  FollowUpAction,
  HostProposal,
  InviteGuestRequest,
  OpenDatePollRequest,
  PlannedSession,
  PlanYearRequest,
  RsvpAnswer,
  SessionDetail,
  SessionSummary,
  UpdateActionRequest,
  UpdateSessionRequest,
} from '@affluents/contracts';
import { api } from '../../../lib/api-client';

export type SessionsWhen = 'upcoming' | 'past' | 'all';
export type ActionsStatus = 'open' | 'done' | 'all';

// The request types are the schemas' inputs: defaults (kind, place, dryRun...) may be left out.
type In<T> = Partial<T>;

export const sessionsApi = {
  list: (groupId: string, when: SessionsWhen, signal?: AbortSignal) =>
    api.get<SessionSummary[]>(`/api/groups/${groupId}/sessions`, { when }, signal),
  mine: (signal?: AbortSignal) => api.get<SessionSummary[]>('/api/me/sessions', undefined, signal),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<SessionDetail>(`/api/sessions/${id}`, undefined, signal),
  create: (groupId: string, body: In<CreateSessionRequest> & Pick<CreateSessionRequest, 'title'>) =>
    api.post<SessionDetail>(`/api/groups/${groupId}/sessions`, body),
  update: (id: string, body: UpdateSessionRequest) => api.patch<SessionDetail>(`/api/sessions/${id}`, body),
  rsvp: (id: string, answer: RsvpAnswer) => api.post<SessionDetail>(`/api/sessions/${id}/rsvp`, { answer }),
  nextHost: (groupId: string, signal?: AbortSignal) =>
    api.get<HostProposal[]>(`/api/groups/${groupId}/sessions/next-host`, undefined, signal),
  plan: (groupId: string, body: In<PlanYearRequest> & Pick<PlanYearRequest, 'firstStartsAt'>) =>
    api.post<PlannedSession[]>(`/api/groups/${groupId}/sessions/plan`, body),
  /** Answers the rotation's new proposals; the session itself is read again. */
  declineHost: (id: string, organisationId: string) =>
    api.post<HostProposal[]>(`/api/sessions/${id}/host-decline`, { organisationId }),
  openDatePoll: (id: string, body: OpenDatePollRequest) =>
    api.post<SessionDetail>(`/api/sessions/${id}/date-poll`, body),
  closeDatePoll: (id: string, body: CloseDatePollRequest) =>
    api.post<SessionDetail>(`/api/sessions/${id}/date-poll/close`, body),
  inviteGuest: (id: string, body: InviteGuestRequest) =>
    api.post<unknown>(`/api/sessions/${id}/guests`, body),
  removeGuest: (id: string, userId: string) => api.delete(`/api/sessions/${id}/guests/${userId}`),
  ficheMinutes: (ficheId: string, signal?: AbortSignal) =>
    api.get<Array<{ sessionId: string; title: string; publishedAt: string }>>(
      `/api/fiches/${ficheId}/minutes`,
      undefined,
      signal,
    ),
  groupActions: (groupId: string, status: ActionsStatus, signal?: AbortSignal) =>
    api.get<FollowUpAction[]>(`/api/groups/${groupId}/actions`, { status }, signal),
  myActions: (status: ActionsStatus, signal?: AbortSignal) =>
    api.get<FollowUpAction[]>('/api/me/actions', { status }, signal),
  updateAction: (id: string, body: UpdateActionRequest) =>
    api.patch<FollowUpAction>(`/api/actions/${id}`, body),
  calendarFeed: (signal?: AbortSignal) => api.get<CalendarFeed>('/api/me/calendar-feed', undefined, signal),
  rotateCalendarFeed: () => api.post<CalendarFeed>('/api/me/calendar-feed/rotate'),
};

/** The session's calendar file, downloaded by the browser with the session cookie. */
export const sessionIcsUrl = (id: string) => `/api/sessions/${id}/calendar.ics`;
