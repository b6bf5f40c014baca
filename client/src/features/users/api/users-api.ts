import { routes, type UpdateUserRequest } from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.users;

export const usersApi = {
  list: (q: string | undefined, signal?: AbortSignal) => call(r.list, { query: { q }, signal }),
  update: (id: string, body: UpdateUserRequest) => call(r.update, { params: { id }, body }),
};
