import { z } from 'zod';
import { Id } from '../common';
import { route } from '../http-route';
import { AwaitingPoll, CastVoteRequest, ClosePollRequest, CreatePollRequest, Poll } from '../polls';

const tag = 'Sondages';
const idParam = z.object({ id: Id });

// The group of a poll is known only once its thread is loaded, so the service applies the policy.
/** HTTP routes of the polls in discussions. */
export const pollsRoutes = {
  awaitingMine: route({
    method: 'get',
    path: '/api/me/polls',
    tag,
    summary: 'Les sondages ouverts qui attendent mon vote (mes groupes, les rencontres où je suis invité·e)',
    access: 'signed-in',
    response: z.array(AwaitingPoll),
    errors: [401],
  }),
  list: route({
    method: 'get',
    path: '/api/threads/:id/polls',
    tag,
    summary: 'Les sondages d’une discussion, avec les résultats et les votes',
    access: 'signed-in',
    params: idParam,
    response: z.array(Poll),
    errors: [401, 404],
  }),
  create: route({
    method: 'post',
    path: '/api/threads/:id/polls',
    tag,
    summary: 'Ouvrir un sondage (proposition, choix unique ou multiple, dates)',
    access: 'signed-in',
    params: idParam,
    body: CreatePollRequest,
    status: 201,
    response: Poll,
    errors: [400, 401, 403, 404, 409],
  }),
  get: route({
    method: 'get',
    path: '/api/polls/:id',
    tag,
    summary: 'Un sondage',
    access: 'signed-in',
    params: idParam,
    response: Poll,
    errors: [401, 404],
  }),
  vote: route({
    method: 'post',
    path: '/api/polls/:id/votes',
    tag,
    summary: 'Voter, ou changer son vote, tant que le sondage est ouvert',
    access: 'signed-in',
    params: idParam,
    body: CastVoteRequest,
    response: Poll,
    errors: [400, 401, 403, 404, 409],
  }),
  withdraw: route({
    method: 'delete',
    path: '/api/polls/:id/votes',
    tag,
    summary: 'Retirer son vote',
    access: 'signed-in',
    params: idParam,
    response: Poll,
    errors: [401, 403, 404, 409],
  }),
  close: route({
    method: 'post',
    path: '/api/polls/:id/close',
    tag,
    summary: 'Clore le sondage avec sa conclusion (auteur ou animateur)',
    access: 'signed-in',
    params: idParam,
    body: ClosePollRequest,
    response: Poll,
    errors: [400, 401, 403, 404, 409],
  }),
};
