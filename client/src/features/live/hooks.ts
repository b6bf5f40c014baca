import type {
  CreateActionRequest,
  DecideAmendmentRequest,
  ProposeAmendmentRequest,
  SetAttendanceRequest,
  UpdateActionRequest,
} from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../realtime/socket';
import { liveApi } from './live-api';

export const liveKeys = {
  meeting: (id: string) => ['live', 'meeting', id] as const,
  amendments: (id: string) => ['live', 'amendments', id] as const,
  minutes: (id: string) => ['live', 'minutes', id] as const,
};

/** The meeting's details; refetched when the server says it changed ('meeting:updated'). */
export function useMeetingDetail(meetingId: string) {
  const queryClient = useQueryClient();
  useSocketEvent('meeting:updated', (event) => {
    if (event.meetingId !== meetingId) return;
    void queryClient.invalidateQueries({ queryKey: liveKeys.meeting(meetingId) });
    void queryClient.invalidateQueries({ queryKey: liveKeys.amendments(meetingId) });
  });
  return useQuery({
    queryKey: liveKeys.meeting(meetingId),
    queryFn: ({ signal }) => liveApi.meeting(meetingId, signal),
  });
}

function useMeetingMutation<T, R>(meetingId: string, run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: liveKeys.meeting(meetingId) }),
  });
}

export function useSetAttendance(meetingId: string) {
  return useMeetingMutation(meetingId, (body: SetAttendanceRequest) =>
    liveApi.setAttendance(meetingId, body),
  );
}

export function useAddDecision(meetingId: string) {
  return useMeetingMutation(meetingId, (text: string) => liveApi.addDecision(meetingId, { text }));
}

export function useAddAction(meetingId: string) {
  return useMeetingMutation(meetingId, (body: CreateActionRequest) => liveApi.addAction(meetingId, body));
}

export function useUpdateAction(meetingId: string) {
  return useMeetingMutation(meetingId, ({ id, ...body }: UpdateActionRequest & { id: string }) =>
    liveApi.updateAction(id, body),
  );
}

export function useAmendments(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: liveKeys.amendments(meetingId),
    queryFn: ({ signal }) => liveApi.amendments(meetingId, signal),
    enabled,
  });
}

function useMinutesMutation<T, R>(meetingId: string, run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: liveKeys.meeting(meetingId) }),
        queryClient.invalidateQueries({ queryKey: liveKeys.amendments(meetingId) }),
        queryClient.invalidateQueries({ queryKey: liveKeys.minutes(meetingId) }),
      ]);
    },
  });
}

export function useStartReview(meetingId: string) {
  return useMinutesMutation(meetingId, (days: number) => liveApi.startReview(meetingId, days));
}

export function useProposeAmendment(meetingId: string) {
  return useMinutesMutation(meetingId, (body: ProposeAmendmentRequest) =>
    liveApi.proposeAmendment(meetingId, body),
  );
}

export function useDecideAmendment(meetingId: string) {
  return useMinutesMutation(meetingId, ({ id, ...decision }: { id: string } & DecideAmendmentRequest) =>
    liveApi.decideAmendment(meetingId, id, decision),
  );
}

export function usePublishMinutes(meetingId: string) {
  return useMinutesMutation(meetingId, (visibleToGuests: boolean) =>
    liveApi.publish(meetingId, visibleToGuests),
  );
}

export function usePublishedMinutes(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: liveKeys.minutes(meetingId),
    queryFn: ({ signal }) => liveApi.minutes(meetingId, signal),
    enabled,
  });
}
