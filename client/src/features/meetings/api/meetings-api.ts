import {
  type CloseDatePollRequest,
  type CreateMeetingRequest,
  type InviteGuestRequest,
  type OpenDatePollRequest,
  type PlanYearRequest,
  type RsvpAnswer,
  routes,
  type UpdateActionRequest,
  type UpdateMeetingRequest,
} from '@affluents/contracts';
import { call, hrefOf } from '../../../lib/api-client';

const r = routes.meetings;
const calendar = routes.meetingCalendar;

export type MeetingsWhen = 'upcoming' | 'past' | 'all';
export type ActionsStatus = 'open' | 'done' | 'all';

// The request types are the schemas' inputs: defaults (kind, place, dryRun...) may be left out.
type In<T> = Partial<T>;

export const meetingsApi = {
  list: (groupId: string, when: MeetingsWhen, signal?: AbortSignal) =>
    call(r.list, { params: { groupId }, query: { when }, signal }),
  mine: (when: 'upcoming' | 'past', signal?: AbortSignal) => call(r.myMeetings, { query: { when }, signal }),
  detail: (id: string, signal?: AbortSignal) => call(r.detail, { params: { id }, signal }),
  create: (groupId: string, body: In<CreateMeetingRequest> & Pick<CreateMeetingRequest, 'title'>) =>
    call(r.create, { params: { groupId }, body }),
  update: (id: string, body: UpdateMeetingRequest) => call(r.update, { params: { id }, body }),
  rsvp: (id: string, answer: RsvpAnswer) => call(r.rsvp, { params: { id }, body: { answer } }),
  nextHost: (groupId: string, signal?: AbortSignal) => call(r.nextHost, { params: { groupId }, signal }),
  plan: (groupId: string, body: In<PlanYearRequest> & Pick<PlanYearRequest, 'firstStartsAt'>) =>
    call(r.plan, { params: { groupId }, body }),
  /** Answers the rotation's new proposals; the meeting itself is read again. */
  declineHost: (id: string, organisationId: string) =>
    call(r.declineHost, { params: { id }, body: { organisationId } }),
  openDatePoll: (id: string, body: OpenDatePollRequest) => call(r.openDatePoll, { params: { id }, body }),
  closeDatePoll: (id: string, body: CloseDatePollRequest) => call(r.closeDatePoll, { params: { id }, body }),
  inviteGuest: (id: string, body: InviteGuestRequest) => call(r.inviteGuest, { params: { id }, body }),
  removeGuest: (id: string, userId: string) => call(r.removeGuest, { params: { id, userId } }),
  ficheMinutes: (ficheId: string, signal?: AbortSignal) =>
    call(routes.meetingMinutes.forFiche, { params: { id: ficheId }, signal }),
  groupActions: (groupId: string, status: ActionsStatus, signal?: AbortSignal) =>
    call(r.groupActions, { params: { groupId }, query: { status }, signal }),
  myActions: (status: ActionsStatus, signal?: AbortSignal) =>
    call(r.myActions, { query: { status }, signal }),
  updateAction: (id: string, body: UpdateActionRequest) =>
    call(routes.meetingLive.updateAction, { params: { id }, body }),
  calendarFeed: (signal?: AbortSignal) => call(calendar.feed, { signal }),
  rotateCalendarFeed: () => call(calendar.rotate),
};

/** The meeting's calendar file, downloaded by the browser with the session cookie. */
export const meetingIcsUrl = (id: string) => hrefOf(calendar.meetingFile, { params: { id } });
