import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSocketEvent } from '../../realtime/socket';
import { type DiscussionSearchParams, newsApi } from './api/news-api';

// Under the discussions root: whatever refreshes discussions (a post, a read) refreshes these too.
export const newsKeys = {
  news: ['discussions', 'news'] as const,
  activity: ['activity'] as const,
  search: (params: DiscussionSearchParams) => ['discussions', 'search', params] as const,
};

/** "Nouveautés": threads of my groups with unread messages, and the total of unread messages. */
export function useNews() {
  return useQuery({ queryKey: newsKeys.news, queryFn: ({ signal }) => newsApi.news(signal) });
}

/**
 * What happened in my groups (fiches, meetings, minutes, actions...), newest first, unread marked, page by
 * page; every page carries the unread total of all my groups.
 */
export function useActivity() {
  return useInfiniteQuery({
    queryKey: newsKeys.activity,
    queryFn: ({ pageParam, signal }) => newsApi.activity(pageParam ?? undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * « Tout marquer comme lu »: every activity of my groups, and each unread thread up to its last message
 * (through the thread's own read marker, as opening it would).
 */
export function useMarkAllNewsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (threads: ReadonlyArray<{ id: string; lastSeq: number }>) => {
      await Promise.all([
        newsApi.markActivityRead(),
        ...threads.map((thread) => newsApi.markThreadRead(thread.id, thread.lastSeq)),
      ]);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: newsKeys.activity }),
        queryClient.invalidateQueries({ queryKey: newsKeys.news }),
      ]),
  });
}

/** Results of a discussion search; none is asked for while the query is empty. */
export function useDiscussionSearch(params: DiscussionSearchParams) {
  return useQuery({
    queryKey: newsKeys.search(params),
    queryFn: ({ signal }) => newsApi.search(params, signal),
    enabled: params.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

const REFRESH_DELAY_MS = 1_000;

/**
 * Keeps "Nouveautés" current: new messages, changed threads, read positions moved elsewhere, and any
 * reconnection refetch it, at most once a second (a busy thread sends many events).
 */
export function useLiveNews() {
  const refresh = useThrottledRefetch(newsKeys.news);
  useSocketEvent('message:new', refresh);
  useSocketEvent('thread:updated', refresh);
  useSocketEvent('read:moved', refresh);
  useSocketEvent('connect', refresh);
}

/** Keeps the activity current: the server says `activity:new` to my groups' rooms; a reconnection refetches. */
export function useLiveActivity() {
  const refresh = useThrottledRefetch(newsKeys.activity);
  useSocketEvent('activity:new', refresh);
  useSocketEvent('connect', refresh);
}

/** A refetch of `queryKey` at most once every REFRESH_DELAY_MS, however many events ask for it. */
function useThrottledRefetch(queryKey: readonly unknown[]): () => void {
  const queryClient = useQueryClient();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return () => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey });
    }, REFRESH_DELAY_MS);
  };
}
