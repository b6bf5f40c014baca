import type {
  CloseDatePollRequest,
  OpenDatePollRequest,
  PlanYearRequest,
  RsvpAnswer,
  SessionDetail,
  UpdateActionRequest,
  UpdateSessionRequest,
} from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../realtime/socket';
import { type ActionsStatus, type SessionsWhen, sessionsApi } from './api/sessions-api';

export const sessionKeys = {
  all: ['sessions'] as const,
  group: (groupId: string, when: SessionsWhen) => ['sessions', 'group', groupId, when] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
  nextHost: (groupId: string) => ['sessions', 'next-host', groupId] as const,
  actions: ['actions'] as const,
  myActions: (status: ActionsStatus) => ['actions', 'me', status] as const,
  groupActions: (groupId: string, status: ActionsStatus) => ['actions', 'group', groupId, status] as const,
  ficheMinutes: (ficheId: string) => ['sessions', 'fiche-minutes', ficheId] as const,
  calendarFeed: ['calendar-feed'] as const,
};

export function useGroupSessions(groupId: string, when: SessionsWhen, { enabled = true } = {}) {
  return useQuery({
    queryKey: sessionKeys.group(groupId, when),
    queryFn: ({ signal }) => sessionsApi.list(groupId, when, signal),
    enabled,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: sessionKeys.detail(id),
    queryFn: ({ signal }) => sessionsApi.detail(id, signal),
  });
}

/** Keeps the page current when a facilitator or the live mode changes the session elsewhere. */
export function useSessionLiveUpdates(id: string) {
  const queryClient = useQueryClient();
  useSocketEvent('session:updated', ({ sessionId }) => {
    if (sessionId === id) void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(id) });
  });
}

export function useNextHost(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: sessionKeys.nextHost(groupId),
    queryFn: ({ signal }) => sessionsApi.nextHost(groupId, signal),
    enabled,
  });
}

/** After any change, the session itself (from the answer) and every list that shows it. */
function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: SessionDetail | undefined, id?: string) => {
    if (session?.id) queryClient.setQueryData(sessionKeys.detail(session.id), session);
    else if (id) void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(id) });
    return queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'sessions' && q.queryKey[1] !== 'detail',
    });
  };
}

export function useCreateSession(groupId: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (body: Parameters<typeof sessionsApi.create>[1]) => sessionsApi.create(groupId, body),
    onSuccess: (session) => store(session),
  });
}

export function usePlanYear(groupId: string) {
  return useMutation({
    mutationFn: (body: Partial<PlanYearRequest> & Pick<PlanYearRequest, 'firstStartsAt'>) =>
      sessionsApi.plan(groupId, body),
  });
}

export function useUpdateSession(id: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (body: UpdateSessionRequest) => sessionsApi.update(id, body),
    onSuccess: (session) => store(session, id),
  });
}

export function useRsvp(id: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (answer: RsvpAnswer) => sessionsApi.rsvp(id, answer),
    onSuccess: (session) => store(session, id),
  });
}

export function useDeclineHost(id: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (organisationId: string) => sessionsApi.declineHost(id, organisationId),
    onSuccess: () => store(undefined, id),
  });
}

export function useOpenDatePoll(id: string) {
  const store = useStoreSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenDatePollRequest) => sessionsApi.openDatePoll(id, body),
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: ['threads'] });
      return store(session, id);
    },
  });
}

export function useCloseDatePoll(id: string) {
  const store = useStoreSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CloseDatePollRequest) => sessionsApi.closeDatePoll(id, body),
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: ['threads'] });
      return store(session, id);
    },
  });
}

export function useInviteGuest(id: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (body: Parameters<typeof sessionsApi.inviteGuest>[1]) => sessionsApi.inviteGuest(id, body),
    onSuccess: () => store(undefined, id),
  });
}

export function useRemoveGuest(id: string) {
  const store = useStoreSession();
  return useMutation({
    mutationFn: (userId: string) => sessionsApi.removeGuest(id, userId),
    onSuccess: () => store(undefined, id),
  });
}

export function useMyActions(status: ActionsStatus = 'open') {
  return useQuery({
    queryKey: sessionKeys.myActions(status),
    queryFn: ({ signal }) => sessionsApi.myActions(status, signal),
  });
}

/** A group's follow-up actions (open by default): tracked per group until done. */
export function useGroupActions(groupId: string, status: ActionsStatus = 'open') {
  return useQuery({
    queryKey: sessionKeys.groupActions(groupId, status),
    queryFn: ({ signal }) => sessionsApi.groupActions(groupId, status, signal),
  });
}

/** The published minutes that link to a fiche, as the caller may read them. */
export function useFicheMinutes(ficheId: string) {
  return useQuery({
    queryKey: sessionKeys.ficheMinutes(ficheId),
    queryFn: ({ signal }) => sessionsApi.ficheMinutes(ficheId, signal),
  });
}

export function useUpdateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateActionRequest & { id: string }) => sessionsApi.updateAction(id, body),
    onSuccess: (action) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionKeys.actions }),
        queryClient.invalidateQueries({ queryKey: sessionKeys.detail(action.sessionId) }),
      ]),
  });
}

export function useCalendarFeed(enabled: boolean) {
  return useQuery({
    queryKey: sessionKeys.calendarFeed,
    queryFn: ({ signal }) => sessionsApi.calendarFeed(signal),
    enabled,
  });
}

export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionsApi.rotateCalendarFeed,
    onSuccess: (feed) => queryClient.setQueryData(sessionKeys.calendarFeed, feed),
  });
}
