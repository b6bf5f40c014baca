import { z } from 'zod';
import { Id } from '../common';
import { route } from '../http-route';
import {
  CreateOrganisationRequest,
  ListOrganisationsQuery,
  Organisation,
  UpdateOrganisationRequest,
} from '../organisations';

/** HTTP routes of the organisations. */
export const organisationsRoutes = {
  list: route({
    method: 'get',
    path: '/api/organisations',
    tag: 'Organisations',
    summary: 'Lister les organisations',
    access: { allow: 'organisation.list' },
    query: ListOrganisationsQuery,
    response: z.array(Organisation),
    errors: [401],
  }),
  get: route({
    method: 'get',
    path: '/api/organisations/:id',
    tag: 'Organisations',
    summary: 'Une organisation',
    access: { allow: 'organisation.list' },
    params: z.object({ id: Id }),
    response: Organisation,
    errors: [401, 404],
  }),
  create: route({
    method: 'post',
    path: '/api/organisations',
    tag: 'Organisations',
    summary: 'Créer une organisation',
    access: { allow: 'organisation.manage' },
    body: CreateOrganisationRequest,
    status: 201,
    response: Organisation,
    errors: [400, 401, 403, 409],
  }),
  update: route({
    method: 'patch',
    path: '/api/organisations/:id',
    tag: 'Organisations',
    summary: 'Modifier une organisation',
    access: { allow: 'organisation.manage' },
    params: z.object({ id: Id }),
    body: UpdateOrganisationRequest,
    response: Organisation,
    errors: [400, 401, 403, 404, 409],
  }),
};
