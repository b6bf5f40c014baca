import type { DiscussionSearchPage, NewsPage } from '@affluents/contracts';
import { api } from '../../../lib/api-client';

export interface DiscussionSearchParams {
  q: string;
  groupId: string | null;
  page: number;
}

export const newsApi = {
  news: (signal?: AbortSignal) => api.get<NewsPage>('/api/discussions/news', undefined, signal),
  search: ({ q, groupId, page }: DiscussionSearchParams, signal?: AbortSignal) =>
    api.get<DiscussionSearchPage>('/api/discussions/search', { q, groupId, page }, signal),
};
