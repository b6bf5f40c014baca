import type { UpdateUserRequest, UserAdminView } from '@affluents/contracts';
import { api } from '../../../lib/api-client';

export const usersApi = {
  list: (q: string | undefined, signal?: AbortSignal) =>
    api.get<UserAdminView[]>('/api/users', { q }, signal),
  update: (id: string, body: UpdateUserRequest) => api.patch<UserAdminView>(`/api/users/${id}`, body),
};
