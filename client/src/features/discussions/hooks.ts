import type {
  AskFicheQuestionRequest,
  CreateThreadRequest,
  FollowLevel,
  GroupDiscussionSettings,
  ThreadDetail,
  UpdateThreadRequest,
} from '@affluents/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../realtime/socket';
import { discussionsApi } from './api/discussions-api';

export const discussionKeys = {
  threads: (groupId: string) => ['discussions', 'threads', groupId] as const,
  thread: (id: string) => ['discussions', 'thread', id] as const,
  settings: (groupId: string) => ['discussions', 'settings', groupId] as const,
  revisions: (messageId: string) => ['discussions', 'revisions', messageId] as const,
  ficheQuestions: (ficheId: string) => ['discussions', 'fiche-questions', ficheId] as const,
};

/** The questions on a fiche the caller may read (all for its group, their own for other readers). */
export function useFicheQuestions(ficheId: string) {
  return useQuery({
    queryKey: discussionKeys.ficheQuestions(ficheId),
    queryFn: ({ signal }) => discussionsApi.ficheQuestions(ficheId, signal),
  });
}

/** Asks the authors of a published fiche a question: a thread the asker may read and answer. */
export function useAskFicheQuestion(ficheId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AskFicheQuestionRequest) => discussionsApi.askFicheQuestion(ficheId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: discussionKeys.ficheQuestions(ficheId) }),
  });
}

/** A group's threads with the caller's unread counts, refreshed when one of them changes live. */
export function useThreads(groupId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: discussionKeys.threads(groupId) });
  useSocketEvent('thread:updated', (thread) => {
    if (thread.groupId === groupId) void refresh();
  });
  // My read position moved in another tab: the counts change.
  useSocketEvent('read:moved', () => void refresh());
  useSocketEvent('connect', () => void refresh());
  return useQuery({
    queryKey: discussionKeys.threads(groupId),
    queryFn: ({ signal }) => discussionsApi.listThreads(groupId, signal),
  });
}

/** How many threads one page of the group's "Discussions" tab loads. */
export const THREAD_PAGE_SIZE = 30;

/**
 * A group's threads page by page (the server's cursor), for the full list; under the same key prefix as
 * `useThreads`, so the live refreshes that invalidate one reload the other.
 */
export function useThreadPages(groupId: string) {
  return useInfiniteQuery({
    queryKey: [...discussionKeys.threads(groupId), 'pages'],
    queryFn: ({ signal, pageParam }) =>
      discussionsApi.listThreadPage(groupId, pageParam, THREAD_PAGE_SIZE, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useThread(id: string) {
  const queryClient = useQueryClient();
  useSocketEvent('thread:updated', (thread) => {
    if (thread.id === id) void queryClient.invalidateQueries({ queryKey: discussionKeys.thread(id) });
  });
  return useQuery({
    queryKey: discussionKeys.thread(id),
    queryFn: ({ signal }) => discussionsApi.getThread(id, signal),
  });
}

export function useCreateThread(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateThreadRequest) => discussionsApi.createThread(groupId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: discussionKeys.threads(groupId) }),
  });
}

/** Pin, lock, rename or mark the solution; the answer replaces the cached thread. */
export function useUpdateThread(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateThreadRequest) => discussionsApi.updateThread(id, body),
    onSuccess: (thread: ThreadDetail) => {
      queryClient.setQueryData(discussionKeys.thread(id), thread);
      return queryClient.invalidateQueries({ queryKey: discussionKeys.threads(thread.groupId) });
    },
  });
}

export function useSetFollow(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: FollowLevel) => discussionsApi.setFollow(id, follow),
    onSuccess: (thread) => queryClient.setQueryData(discussionKeys.thread(id), thread),
  });
}

export function useDiscussionSettings(groupId: string) {
  return useQuery({
    queryKey: discussionKeys.settings(groupId),
    queryFn: ({ signal }) => discussionsApi.settings(groupId, signal),
  });
}

export function useUpdateDiscussionSettings(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupDiscussionSettings) => discussionsApi.updateSettings(groupId, body),
    onSuccess: (settings) => queryClient.setQueryData(discussionKeys.settings(groupId), settings),
  });
}

export function useRevisions(messageId: string | null) {
  return useQuery({
    queryKey: discussionKeys.revisions(messageId ?? ''),
    queryFn: ({ signal }) => discussionsApi.revisions(messageId ?? '', signal),
    enabled: !!messageId,
  });
}
