import {
  CreateActionRequest,
  CreateDecisionRequest,
  Decision,
  FollowUpAction,
  Id,
  LiveState,
  SetAttendanceRequest,
  UpdateActionRequest,
} from '@affluents/contracts';
import { z } from 'zod';
import type { Route } from '../route';

const idParam = z.object({ id: Id });
const tag = 'Rencontres (en direct et suivi)';

/**
 * HTTP routes of the meetings feature (live), for the OpenAPI document. The live mode itself runs over
 * Socket.IO ('meeting:join', 'meeting:start', 'meeting:goto', 'meeting:end', 'hand:raise', 'hand:lower',
 * 'floor:give', pushed 'meeting:live'); this route only reads its state.
 */
export const meetingLiveRoutes: Route[] = [
  {
    method: 'get',
    path: '/api/meetings/{id}/live',
    tag,
    summary: 'L’état du mode en direct : point en cours, chronomètre, file de parole, orateur',
    params: idParam,
    response: LiveState,
    errors: [401, 404],
  },
  {
    method: 'put',
    path: '/api/meetings/{id}/attendance',
    tag,
    summary: 'Noter la présence d’un membre ou d’un invité de la rencontre (animateurs)',
    params: idParam,
    body: SetAttendanceRequest,
    status: 204,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/meetings/{id}/decisions',
    tag,
    summary: 'Noter une décision de la rencontre (animateurs)',
    params: idParam,
    body: CreateDecisionRequest,
    status: 201,
    response: Decision,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'delete',
    path: '/api/meetings/{id}/decisions/{decisionId}',
    tag,
    summary: 'Retirer une décision (animateurs)',
    params: z.object({ id: Id, decisionId: Id }),
    status: 204,
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/meetings/{id}/actions',
    tag,
    summary: 'Décider une action de suivi : quoi, qui (membre ou invité), pour quand (animateurs)',
    params: idParam,
    body: CreateActionRequest,
    status: 201,
    response: FollowUpAction,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'patch',
    path: '/api/actions/{id}',
    tag,
    summary: 'Modifier une action de suivi (animateurs) ou la marquer faite (son responsable)',
    params: idParam,
    body: UpdateActionRequest,
    response: FollowUpAction,
    errors: [400, 401, 403, 404],
  },
];
