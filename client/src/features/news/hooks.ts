import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSocketEvent } from '../../realtime/socket';
import { type DiscussionSearchParams, newsApi } from './api/news-api';

// Under the discussions root: whatever refreshes discussions (a post, a read) refreshes these too.
export const newsKeys = {
  news: ['discussions', 'news'] as const,
  search: (params: DiscussionSearchParams) => ['discussions', 'search', params] as const,
};

/** "Nouveautés": threads of my groups with unread messages, and the total of unread messages. */
export function useNews() {
  return useQuery({ queryKey: newsKeys.news, queryFn: ({ signal }) => newsApi.news(signal) });
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
  const queryClient = useQueryClient();
  const timer = useRef<number | undefined>(undefined);
  const refresh = () => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: newsKeys.news });
    }, REFRESH_DELAY_MS);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useSocketEvent('message:new', refresh);
  useSocketEvent('thread:updated', refresh);
  useSocketEvent('read:moved', refresh);
  useSocketEvent('connect', refresh);
}
