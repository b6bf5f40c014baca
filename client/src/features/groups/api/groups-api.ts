import type {
  AddMemberRequest,
  GroupDetail,
  GroupMember,
  MoveGroupRequest,
  UpdateMemberRequest,
} from '@affluents/contracts';
import { api } from '../../../lib/api-client';

export const groupsApi = {
  get: (id: string, signal?: AbortSignal) => api.get<GroupDetail>(`/api/groups/${id}`, undefined, signal),
  move: (id: string, body: MoveGroupRequest) => api.post<GroupDetail>(`/api/groups/${id}/move`, body),
  addMember: (id: string, body: AddMemberRequest) => api.post<GroupMember>(`/api/groups/${id}/members`, body),
  updateMember: (id: string, userId: string, body: UpdateMemberRequest) =>
    api.patch<GroupMember>(`/api/groups/${id}/members/${userId}`, body),
  removeMember: (id: string, userId: string) => api.delete(`/api/groups/${id}/members/${userId}`),
};
