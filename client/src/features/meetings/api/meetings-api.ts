import type {
  CalendarFeed,
  CloseDatePollRequest,
  CreateMeetingRequest,
  FollowUpAction,
  HostProposal,
  InviteGuestRequest,
  MeetingDetail,
  MeetingSummary,
  OpenDatePollRequest,
  PlannedMeeting,
  PlanYearRequest,
  RsvpAnswer,
  UpdateActionRequest,
  UpdateMeetingRequest,
} from '@affluents/contracts';
import { api } from '../../../lib/api-client';

export type MeetingsWhen = 'upcoming' | 'past' | 'all';
export type ActionsStatus = 'open' | 'done' | 'all';

// The request types are the schemas' inputs: defaults (kind, place, dryRun...) may be left out.
type In<T> = Partial<T>;

export const meetingsApi = {
  list: (groupId: string, when: MeetingsWhen, signal?: AbortSignal) =>
    api.get<MeetingSummary[]>(`/api/groups/${groupId}/meetings`, { when }, signal),
  mine: (signal?: AbortSignal) => api.get<MeetingSummary[]>('/api/me/meetings', undefined, signal),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<MeetingDetail>(`/api/meetings/${id}`, undefined, signal),
  create: (groupId: string, body: In<CreateMeetingRequest> & Pick<CreateMeetingRequest, 'title'>) =>
    api.post<MeetingDetail>(`/api/groups/${groupId}/meetings`, body),
  update: (id: string, body: UpdateMeetingRequest) => api.patch<MeetingDetail>(`/api/meetings/${id}`, body),
  rsvp: (id: string, answer: RsvpAnswer) => api.post<MeetingDetail>(`/api/meetings/${id}/rsvp`, { answer }),
  nextHost: (groupId: string, signal?: AbortSignal) =>
    api.get<HostProposal[]>(`/api/groups/${groupId}/meetings/next-host`, undefined, signal),
  plan: (groupId: string, body: In<PlanYearRequest> & Pick<PlanYearRequest, 'firstStartsAt'>) =>
    api.post<PlannedMeeting[]>(`/api/groups/${groupId}/meetings/plan`, body),
  /** Answers the rotation's new proposals; the meeting itself is read again. */
  declineHost: (id: string, organisationId: string) =>
    api.post<HostProposal[]>(`/api/meetings/${id}/host-decline`, { organisationId }),
  openDatePoll: (id: string, body: OpenDatePollRequest) =>
    api.post<MeetingDetail>(`/api/meetings/${id}/date-poll`, body),
  closeDatePoll: (id: string, body: CloseDatePollRequest) =>
    api.post<MeetingDetail>(`/api/meetings/${id}/date-poll/close`, body),
  inviteGuest: (id: string, body: InviteGuestRequest) =>
    api.post<unknown>(`/api/meetings/${id}/guests`, body),
  removeGuest: (id: string, userId: string) => api.delete(`/api/meetings/${id}/guests/${userId}`),
  ficheMinutes: (ficheId: string, signal?: AbortSignal) =>
    api.get<Array<{ meetingId: string; title: string; publishedAt: string }>>(
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

/** The meeting's calendar file, downloaded by the browser with the session cookie. */
export const meetingIcsUrl = (id: string) => `/api/meetings/${id}/calendar.ics`;
