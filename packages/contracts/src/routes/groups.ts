import { z } from 'zod';
import { Id } from '../common';
import { AddMemberRequest, GroupDetail, GroupMember, MoveGroupRequest, UpdateMemberRequest } from '../groups';
import { route } from '../http-route';

/** HTTP routes of the groups and their members. */
export const groupsRoutes = {
  detail: route({
    method: 'get',
    path: '/api/groups/:id',
    tag: 'Groupes',
    summary: 'Un groupe et ses membres',
    access: { allow: 'group.view', groupParam: 'id' },
    params: z.object({ id: Id }),
    response: GroupDetail,
    errors: [401, 403, 404],
  }),
  move: route({
    method: 'post',
    path: '/api/groups/:id/move',
    tag: 'Groupes',
    summary: 'Déplacer un groupe vers un autre bassin',
    access: { allow: 'group.move' },
    params: z.object({ id: Id }),
    body: MoveGroupRequest,
    response: GroupDetail,
    errors: [400, 401, 403, 404, 409],
  }),
  addMember: route({
    method: 'post',
    path: '/api/groups/:id/members',
    tag: 'Groupes',
    summary: 'Ajouter un compte existant au groupe',
    access: { allow: 'group.members.manage', groupParam: 'id' },
    params: z.object({ id: Id }),
    body: AddMemberRequest,
    status: 201,
    response: GroupMember,
    errors: [400, 401, 403, 404, 409],
  }),
  updateMember: route({
    method: 'patch',
    path: '/api/groups/:id/members/:userId',
    tag: 'Groupes',
    summary: 'Changer le rôle d’un membre',
    access: { allow: 'group.members.manage', groupParam: 'id' },
    params: z.object({ id: Id, userId: Id }),
    body: UpdateMemberRequest,
    response: GroupMember,
    errors: [400, 401, 403, 404],
  }),
  removeMember: route({
    method: 'delete',
    path: '/api/groups/:id/members/:userId',
    tag: 'Groupes',
    summary: 'Retirer un membre du groupe',
    access: { allow: 'group.members.manage', groupParam: 'id' },
    params: z.object({ id: Id, userId: Id }),
    status: 204,
    errors: [401, 403, 404],
  }),
};
