import type { CastVoteRequest, ClosePollRequest, Poll } from '@affluents/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../realtime/socket';
import { useCurrentUser } from '../auth/hooks';
import { type NewPoll, pollsApi } from './api/polls-api';

export const pollKeys = {
  thread: (threadId: string) => ['threads', threadId, 'polls'] as const,
  awaitingMine: ['polls', 'awaiting'] as const,
};

/** Open polls of my groups (and of the meetings I am a guest of) waiting for my vote, closing soonest first. */
export function useAwaitingPolls() {
  return useQuery({
    queryKey: pollKeys.awaitingMine,
    queryFn: ({ signal }) => pollsApi.awaitingMine(signal),
  });
}

export function useThreadPolls(threadId: string) {
  return useQuery({
    queryKey: pollKeys.thread(threadId),
    queryFn: ({ signal }) => pollsApi.list(threadId, signal),
  });
}

/** Puts a poll (the caller's own view, as a mutation returns it) into the thread's list. */
function storePoll(queryClient: QueryClient, poll: Poll) {
  queryClient.setQueryData<Poll[]>(pollKeys.thread(poll.threadId), (list) => {
    if (!list) return [poll];
    return list.some((p) => p.id === poll.id)
      ? list.map((p) => (p.id === poll.id ? poll : p))
      : [poll, ...list];
  });
}

export function useCreatePoll(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPoll) => pollsApi.create(threadId, body),
    onSuccess: (poll) => storePoll(queryClient, poll),
  });
}

export function useCastVote(pollId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CastVoteRequest) => pollsApi.vote(pollId, body),
    onSuccess: (poll) => {
      storePoll(queryClient, poll);
      // The poll no longer waits for my vote.
      void queryClient.invalidateQueries({ queryKey: pollKeys.awaitingMine });
    },
  });
}

export function useWithdrawVote(pollId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => pollsApi.withdraw(pollId),
    onSuccess: (poll) => storePoll(queryClient, poll),
  });
}

export function useClosePoll(pollId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClosePollRequest) => pollsApi.close(pollId, body),
    onSuccess: (poll) => storePoll(queryClient, poll),
  });
}

/**
 * Applies `poll:updated` pushes to the thread's list. The pushed copy is impersonal: my vote is found
 * again among the votes, and whether I may close stays what the server told me; a poll I have not seen
 * yet is fetched again so that its `canClose` is mine.
 */
export function usePollLiveUpdates(threadId: string) {
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  useSocketEvent('poll:updated', (pushed) => {
    if (pushed.threadId !== threadId) return;
    const key = pollKeys.thread(threadId);
    const list = queryClient.getQueryData<Poll[]>(key);
    const known = list?.find((p) => p.id === pushed.id);
    if (!list || !known) {
      void queryClient.invalidateQueries({ queryKey: key });
      return;
    }
    const merged: Poll = {
      ...pushed,
      myVote: pushed.votes.find((v) => v.voter.id === me?.id) ?? null,
      canClose: pushed.closedAt === null && known.canClose,
    };
    queryClient.setQueryData<Poll[]>(
      key,
      list.map((p) => (p.id === pushed.id ? merged : p)),
    );
  });
  // After a reconnect, pushes may have been missed.
  useSocketEvent(
    'connect',
    () => void queryClient.invalidateQueries({ queryKey: pollKeys.thread(threadId) }),
  );
}
