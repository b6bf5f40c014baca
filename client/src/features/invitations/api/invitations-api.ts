import type {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  CurrentUser,
  Invitation,
  InvitationPreview,
  ListInvitationsQuery,
} from '@affluents/contracts';
import { api } from '../../../lib/api-client';

const byToken = (token: string) => `/api/invitations/by-token/${encodeURIComponent(token)}`;

export const invitationsApi = {
  list: (query: ListInvitationsQuery, signal?: AbortSignal) =>
    api.get<Invitation[]>('/api/invitations', { ...query }, signal),
  create: (body: CreateInvitationRequest) => api.post<Invitation>('/api/invitations', body),
  revoke: (id: string) => api.delete(`/api/invitations/${id}`),
  preview: (token: string, signal?: AbortSignal) =>
    api.get<InvitationPreview>(byToken(token), undefined, signal),
  accept: (token: string, body: AcceptInvitationRequest) =>
    api.post<CurrentUser>(`${byToken(token)}/accept`, body),
};
