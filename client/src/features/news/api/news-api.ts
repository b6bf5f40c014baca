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
  search: ({ q, groupId, page }: DiscussionSearchParams, signal?: AbortSignal) =>
    call(r.search, { query: { q, groupId: groupId ?? undefined, page }, signal }),
};
