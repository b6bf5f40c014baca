import type { DiscussionSearchParams } from './api/news-api';

const UUID = /^[0-9a-f-]{36}$/;

/** The discussion search as kept in the address: `?q=…&groupe=<id>&page=2`. Bad values fall back to defaults. */
export function readDiscussionSearch(params: URLSearchParams): DiscussionSearchParams {
  const groupId = params.get('groupe');
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    groupId: groupId && UUID.test(groupId) ? groupId : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100 ? page : 1,
  };
}

export function writeDiscussionSearch({ q, groupId, page }: DiscussionSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  if (groupId) params.set('groupe', groupId);
  if (page > 1) params.set('page', String(page));
  return params;
}
