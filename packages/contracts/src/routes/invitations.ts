import { z } from 'zod';
import { CurrentUser } from '../auth';
import { Id } from '../common';
import { route } from '../http-route';
import {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  Invitation,
  InvitationPreview,
  InvitationToken,
  ListInvitationsQuery,
} from '../invitations';

/** HTTP routes of the invitations. */
export const invitationsRoutes = {
  create: route({
    method: 'post',
    path: '/api/invitations',
    tag: 'Invitations',
    summary: 'Inviter une adresse e-mail dans un groupe',
    access: 'signed-in',
    body: CreateInvitationRequest,
    status: 201,
    response: Invitation,
    errors: [400, 401, 403, 404, 409],
  }),
  list: route({
    method: 'get',
    path: '/api/invitations',
    tag: 'Invitations',
    summary: 'Lister les invitations',
    access: 'signed-in',
    query: ListInvitationsQuery,
    response: z.array(Invitation),
    errors: [401, 403],
  }),
  revoke: route({
    method: 'delete',
    path: '/api/invitations/:id',
    tag: 'Invitations',
    summary: 'Annuler une invitation',
    access: 'signed-in',
    params: z.object({ id: Id }),
    status: 204,
    errors: [401, 403, 404, 409],
  }),
  preview: route({
    method: 'get',
    path: '/api/invitations/by-token/:token',
    tag: 'Invitations',
    summary: 'Aperçu d’une invitation (sans connexion)',
    access: 'public',
    params: z.object({ token: InvitationToken }),
    response: InvitationPreview,
    errors: [404, 410],
  }),
  accept: route({
    method: 'post',
    path: '/api/invitations/by-token/:token/accept',
    tag: 'Invitations',
    summary: 'Accepter une invitation',
    access: 'public',
    params: z.object({ token: InvitationToken }),
    body: AcceptInvitationRequest,
    response: CurrentUser,
    errors: [400, 401, 403, 404, 410],
  }),
};
