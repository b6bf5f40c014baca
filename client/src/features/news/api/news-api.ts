import { routes } from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.discussions;

export interface DiscussionSearchParams {
  q: string;
  groupId: string | null;
  page: number;
}

export const newsApi = {
  news: (signal?: AbortSignal) => call(r.news, { signal }),
  activity: (cursor?: string, signal?: AbortSignal) =>
    call(routes.activity.news, { query: { cursor }, signal }),
  /** Every activity of my groups read up to now. */
  markActivityRead: () => call(routes.activity.markRead, { body: {} }),
  /** A thread read up to `seq` (the thread's own read marker). */
  markThreadRead: (threadId: string, seq: number) =>
    call(r.read, { params: { id: threadId }, body: { seq } }),
  search: ({ q, groupId, page }: DiscussionSearchParams, signal?: AbortSignal) =>
    call(r.search, { query: { q, groupId: groupId ?? undefined, page }, signal }),
};
