import {
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type ListInvitationsQuery,
  routes,
} from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.invitations;

export const invitationsApi = {
  list: (query: ListInvitationsQuery, signal?: AbortSignal) => call(r.list, { query, signal }),
  create: (body: CreateInvitationRequest) => call(r.create, { body }),
  revoke: (id: string) => call(r.revoke, { params: { id } }),
  preview: (token: string, signal?: AbortSignal) => call(r.preview, { params: { token }, signal }),
  accept: (token: string, body: AcceptInvitationRequest) => call(r.accept, { params: { token }, body }),
};
