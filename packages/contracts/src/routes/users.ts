import { z } from 'zod';
import { Id } from '../common';
import { route } from '../http-route';
import { ListUsersQuery, UpdateUserRequest, UserAdminView } from '../users';

/** HTTP routes of the accounts (administration). */
export const usersRoutes = {
  list: route({
    method: 'get',
    path: '/api/users',
    tag: 'Comptes',
    summary: 'Lister les comptes',
    access: { allow: 'user.list' },
    query: ListUsersQuery,
    response: z.array(UserAdminView),
    errors: [401, 403],
  }),
  update: route({
    method: 'patch',
    path: '/api/users/:id',
    tag: 'Comptes',
    summary: 'Modifier un compte (rôle, organisation, désactivation)',
    access: { allow: 'user.manage' },
    params: z.object({ id: Id }),
    body: UpdateUserRequest,
    response: UserAdminView,
    errors: [400, 401, 403, 404],
  }),
};
