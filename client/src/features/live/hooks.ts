import type { CreateActionRequest, SetAttendanceRequest, UpdateActionRequest } from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../realtime/socket';
import { liveApi } from './live-api';

export const liveKeys = {
  session: (id: string) => ['live', 'session', id] as const,
  amendments: (id: string) => ['live', 'amendments', id] as const,
  minutes: (id: string) => ['live', 'minutes', id] as const,
};

/** The session's details; refetched when the server says it changed ('session:updated'). */
export function useSessionDetail(sessionId: string) {
  const queryClient = useQueryClient();
  useSocketEvent('session:updated', (event) => {
    if (event.sessionId !== sessionId) return;
    void queryClient.invalidateQueries({ queryKey: liveKeys.session(sessionId) });
    void queryClient.invalidateQueries({ queryKey: liveKeys.amendments(sessionId) });
  });
  return useQuery({
    queryKey: liveKeys.session(sessionId),
    queryFn: ({ signal }) => liveApi.session(sessionId, signal),
  });
}

function useSessionMutation<T, R>(sessionId: string, run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: liveKeys.session(sessionId) }),
  });
}

export function useSetAttendance(sessionId: string) {
  return useSessionMutation(sessionId, (body: SetAttendanceRequest) =>
    liveApi.setAttendance(sessionId, body),
  );
}

export function useAddDecision(sessionId: string) {
  return useSessionMutation(sessionId, (text: string) => liveApi.addDecision(sessionId, { text }));
}

export function useAddAction(sessionId: string) {
  return useSessionMutation(sessionId, (body: CreateActionRequest) => liveApi.addAction(sessionId, body));
}

export function useUpdateAction(sessionId: string) {
  return useSessionMutation(sessionId, ({ id, ...body }: UpdateActionRequest & { id: string }) =>
    liveApi.updateAction(id, body),
  );
}

export function useAmendments(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: liveKeys.amendments(sessionId),
    queryFn: ({ signal }) => liveApi.amendments(sessionId, signal),
    enabled,
  });
}

function useMinutesMutation<T, R>(sessionId: string, run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: liveKeys.session(sessionId) }),
        queryClient.invalidateQueries({ queryKey: liveKeys.amendments(sessionId) }),
        queryClient.invalidateQueries({ queryKey: liveKeys.minutes(sessionId) }),
      ]);
    },
  });
}

export function useStartReview(sessionId: string) {
  return useMinutesMutation(sessionId, (days: number) => liveApi.startReview(sessionId, days));
}

export function useProposeAmendment(sessionId: string) {
  return useMinutesMutation(sessionId, (body: { quote: string; body: string }) =>
    liveApi.proposeAmendment(sessionId, body),
  );
}

export function useDecideAmendment(sessionId: string) {
  return useMinutesMutation(sessionId, ({ id, status }: { id: string; status: 'accepted' | 'rejected' }) =>
    liveApi.decideAmendment(sessionId, id, status),
  );
}

export function usePublishMinutes(sessionId: string) {
  return useMinutesMutation(sessionId, (visibleToGuests: boolean) =>
    liveApi.publish(sessionId, visibleToGuests),
  );
}

export function usePublishedMinutes(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: liveKeys.minutes(sessionId),
    queryFn: ({ signal }) => liveApi.minutes(sessionId, signal),
    enabled,
  });
}
