import {
  ActivityPage,
  ListActivityQuery,
  MarkActivityReadRequest,
  MarkActivityReadResult,
} from '../activity';
import { route } from '../http-route';

/** HTTP routes of « Nouveautés »: what happened in my groups, and my read markers. */
export const activityRoutes = {
  news: route({
    method: 'get',
    path: '/api/activity',
    tag: 'Nouveautés',
    summary: 'Ce qui s’est passé dans mes groupes, le plus récent d’abord (pagination par curseur)',
    access: 'signed-in',
    query: ListActivityQuery,
    response: ActivityPage,
    errors: [400, 401, 403],
  }),
  markRead: route({
    method: 'post',
    path: '/api/activity/read',
    tag: 'Nouveautés',
    summary: 'Tout marquer comme lu (dans un groupe, ou dans tous mes groupes)',
    access: 'signed-in',
    body: MarkActivityReadRequest,
    response: MarkActivityReadResult,
    errors: [400, 401, 403],
  }),
};
