import {
  type AddMemberRequest,
  type MoveGroupRequest,
  routes,
  type UpdateMemberRequest,
} from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.groups;

export const groupsApi = {
  get: (id: string, signal?: AbortSignal) => call(r.detail, { params: { id }, signal }),
  move: (id: string, body: MoveGroupRequest) => call(r.move, { params: { id }, body }),
  addMember: (id: string, body: AddMemberRequest) => call(r.addMember, { params: { id }, body }),
  updateMember: (id: string, userId: string, body: UpdateMemberRequest) =>
    call(r.updateMember, { params: { id, userId }, body }),
  removeMember: (id: string, userId: string) => call(r.removeMember, { params: { id, userId } }),
};
