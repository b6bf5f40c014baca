import { z } from 'zod';
import {
  BassinSummary,
  CreateBassinRequest,
  ListBassinsQuery,
  MergeBassinRequest,
  MergeBassinResult,
  UpdateBassinRequest,
} from '../bassins';
import { Id } from '../common';
import { route } from '../http-route';

/** HTTP routes of the bassins. */
export const bassinsRoutes = {
  list: route({
    method: 'get',
    path: '/api/bassins',
    tag: 'Bassins',
    summary: 'Les bassins et leurs trois groupes',
    access: { allow: 'bassin.list' },
    query: ListBassinsQuery,
    response: z.array(BassinSummary),
    errors: [401],
  }),
  create: route({
    method: 'post',
    path: '/api/bassins',
    tag: 'Bassins',
    summary: 'Créer un bassin (et ses trois groupes)',
    access: { allow: 'bassin.manage' },
    body: CreateBassinRequest,
    status: 201,
    response: BassinSummary,
    errors: [400, 401, 403, 409],
  }),
  update: route({
    method: 'patch',
    path: '/api/bassins/:id',
    tag: 'Bassins',
    summary: 'Renommer, archiver ou restaurer un bassin',
    access: { allow: 'bassin.manage' },
    params: z.object({ id: Id }),
    body: UpdateBassinRequest,
    response: BassinSummary,
    errors: [400, 401, 403, 404, 409],
  }),
  merge: route({
    method: 'post',
    path: '/api/bassins/:id/merge',
    tag: 'Bassins',
    summary: 'Fusionner ce bassin dans un autre',
    access: { allow: 'bassin.manage' },
    params: z.object({ id: Id }),
    body: MergeBassinRequest,
    response: MergeBassinResult,
    errors: [400, 401, 403, 404, 409],
  }),
};
