import { CastVoteRequest, ClosePollRequest, CreatePollRequest, Id, Poll } from '@affluents/contracts';
import { z } from 'zod';
import type { Route } from '../route';

const idParam = z.object({ id: Id });
const tag = 'Sondages';

/** HTTP routes of the polls feature, for the OpenAPI document. */
export const pollsRoutes: Route[] = [
  {
    method: 'get',
    path: '/api/threads/{id}/polls',
    tag,
    summary: 'Les sondages d’une discussion, avec les résultats et les votes',
    params: idParam,
    response: z.array(Poll),
    errors: [401, 404],
  },
  {
    method: 'post',
    path: '/api/threads/{id}/polls',
    tag,
    summary: 'Ouvrir un sondage (proposition, choix unique ou multiple, dates)',
    params: idParam,
    body: CreatePollRequest,
    status: 201,
    response: Poll,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/polls/{id}',
    tag,
    summary: 'Un sondage',
    params: idParam,
    response: Poll,
    errors: [401, 404],
  },
  {
    method: 'post',
    path: '/api/polls/{id}/votes',
    tag,
    summary: 'Voter, ou changer son vote, tant que le sondage est ouvert',
    params: idParam,
    body: CastVoteRequest,
    response: Poll,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'delete',
    path: '/api/polls/{id}/votes',
    tag,
    summary: 'Retirer son vote',
    params: idParam,
    response: Poll,
    errors: [401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/polls/{id}/close',
    tag,
    summary: 'Clore le sondage avec sa conclusion (auteur ou animateur)',
    params: idParam,
    body: ClosePollRequest,
    response: Poll,
    errors: [400, 401, 403, 404, 409],
  },
];
