import type {
  CloseDatePollRequest,
  MeetingDetail,
  OpenDatePollRequest,
  PlanYearRequest,
  RsvpAnswer,
  UpdateActionRequest,
  UpdateMeetingRequest,
} from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../realtime/socket';
import { type ActionsStatus, type MeetingsWhen, meetingsApi } from './api/meetings-api';

export const meetingKeys = {
  all: ['meetings'] as const,
  group: (groupId: string, when: MeetingsWhen) => ['meetings', 'group', groupId, when] as const,
  mine: (when: 'upcoming' | 'past') => ['meetings', 'mine', when] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  nextHost: (groupId: string) => ['meetings', 'next-host', groupId] as const,
  actions: ['actions'] as const,
  myActions: (status: ActionsStatus) => ['actions', 'me', status] as const,
  groupActions: (groupId: string, status: ActionsStatus) => ['actions', 'group', groupId, status] as const,
  ficheMinutes: (ficheId: string) => ['meetings', 'fiche-minutes', ficheId] as const,
  calendarFeed: ['calendar-feed'] as const,
};

export function useGroupMeetings(groupId: string, when: MeetingsWhen, { enabled = true } = {}) {
  return useQuery({
    queryKey: meetingKeys.group(groupId, when),
    queryFn: ({ signal }) => meetingsApi.list(groupId, when, signal),
    enabled,
  });
}

/** My meetings across my groups and those I am a guest of: upcoming (soonest first) or the last held. */
export function useMyMeetings(when: 'upcoming' | 'past', { enabled = true } = {}) {
  return useQuery({
    queryKey: meetingKeys.mine(when),
    queryFn: ({ signal }) => meetingsApi.mine(when, signal),
    enabled,
  });
}

/**
 * Whether the signed-in person is only a guest of meetings: in no group, no platform role, and invited to
 * at least one meeting. The home and the header then show her meetings, and nothing about joining groups.
 */
export function useMeetingGuestOnly(
  user: { memberships: unknown[]; platformRole: string | null } | null | undefined,
) {
  const noGroup = !!user && user.memberships.length === 0 && !user.platformRole;
  const upcoming = useMyMeetings('upcoming', { enabled: !!user });
  const past = useMyMeetings('past', { enabled: noGroup });
  return {
    noGroup,
    upcoming,
    past,
    guest: noGroup && ((upcoming.data?.length ?? 0) > 0 || (past.data?.length ?? 0) > 0),
  };
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => meetingsApi.detail(id, signal),
  });
}

/** Keeps the page current when a facilitator or the live mode changes the meeting elsewhere. */
export function useMeetingLiveUpdates(id: string) {
  const queryClient = useQueryClient();
  useSocketEvent('meeting:updated', ({ meetingId }) => {
    if (meetingId === id) void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id) });
  });
}

export function useNextHost(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.nextHost(groupId),
    queryFn: ({ signal }) => meetingsApi.nextHost(groupId, signal),
    enabled,
  });
}

/** After any change, the meeting itself (from the answer) and every list that shows it. */
function useStoreMeeting() {
  const queryClient = useQueryClient();
  return (meeting: MeetingDetail | undefined, id?: string) => {
    if (meeting?.id) queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
    else if (id) void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id) });
    return queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'meetings' && q.queryKey[1] !== 'detail',
    });
  };
}

export function useCreateMeeting(groupId: string) {
  const store = useStoreMeeting();
  return useMutation({
    mutationFn: (body: Parameters<typeof meetingsApi.create>[1]) => meetingsApi.create(groupId, body),
    onSuccess: (meeting) => store(meeting),
  });
}

export function usePlanYear(groupId: string) {
  return useMutation({
    mutationFn: (body: Partial<PlanYearRequest> & Pick<PlanYearRequest, 'firstStartsAt'>) =>
      meetingsApi.plan(groupId, body),
  });
}

export function useUpdateMeeting(id: string) {
  const store = useStoreMeeting();
  return useMutation({
    mutationFn: (body: UpdateMeetingRequest) => meetingsApi.update(id, body),
    onSuccess: (meeting) => store(meeting, id),
  });
}

export function useRsvp(id: string) {
  const store = useStoreMeeting();
  return useMutation({
    mutationFn: (answer: RsvpAnswer) => meetingsApi.rsvp(id, answer),
    onSuccess: (meeting) => store(meeting, id),
  });
}

export function useDeclineHost(id: string) {
  const store = useStoreMeeting();
  return useMutation({
    mutationFn: (organisationId: string) => meetingsApi.declineHost(id, organisationId),
    onSuccess: () => store(undefined, id),
  });
}

export function useOpenDatePoll(id: string) {
  const store = useStoreMeeting();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenDatePollRequest) => meetingsApi.openDatePoll(id, body),
    onSuccess: (meeting) => {
      void queryClient.invalidateQueries({ queryKey: ['threads'] });
      return store(meeting, id);
    },
  });
}

export function useCloseDatePoll(id: string) {
  const store = useStoreMeeting();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CloseDatePollRequest) => meetingsApi.closeDatePoll(id, body),
    onSuccess: (meeting) => {
      void queryClient.invalidateQueries({ queryKey: ['threads'] });
      return store(meeting, id);
    },
  });
}

export function useInviteGuest(id: string) {
  const store = useStoreMeeting();
  return useMutation({
    mutationFn: (body: Parameters<typeof meetingsApi.inviteGuest>[1]) => meetingsApi.inviteGuest(id, body),
    onSuccess: () => store(undefined, id),
  });
}

export function useRemoveGuest(id: string) {
  const store = useStoreMeeting();
  return useMutation({
    mutationFn: (userId: string) => meetingsApi.removeGuest(id, userId),
    onSuccess: () => store(undefined, id),
  });
}

export function useMyActions(status: ActionsStatus = 'open') {
  return useQuery({
    queryKey: meetingKeys.myActions(status),
    queryFn: ({ signal }) => meetingsApi.myActions(status, signal),
  });
}

/** A group's follow-up actions (open by default): tracked per group until done. */
export function useGroupActions(groupId: string, status: ActionsStatus = 'open') {
  return useQuery({
    queryKey: meetingKeys.groupActions(groupId, status),
    queryFn: ({ signal }) => meetingsApi.groupActions(groupId, status, signal),
  });
}

/** The published minutes that link to a fiche, as the caller may read them. */
export function useFicheMinutes(ficheId: string) {
  return useQuery({
    queryKey: meetingKeys.ficheMinutes(ficheId),
    queryFn: ({ signal }) => meetingsApi.ficheMinutes(ficheId, signal),
  });
}

export function useUpdateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateActionRequest & { id: string }) => meetingsApi.updateAction(id, body),
    onSuccess: (action) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.actions }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.detail(action.meetingId) }),
      ]),
  });
}

export function useCalendarFeed(enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.calendarFeed,
    queryFn: ({ signal }) => meetingsApi.calendarFeed(signal),
    enabled,
  });
}

export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: meetingsApi.rotateCalendarFeed,
    onSuccess: (feed) => queryClient.setQueryData(meetingKeys.calendarFeed, feed),
  });
}
