import {
  DecideAmendmentRequest,
  Id,
  MeetingDetail,
  MinutesAmendment,
  ProposeAmendmentRequest,
  PublishedMinutes,
  PublishMinutesRequest,
  StartMinutesReviewRequest,
  Timestamp,
} from '@affluents/contracts';
import { z } from 'zod';
import type { Route } from '../route';

const tag = 'Rencontres (procès-verbal)';
const idParam = z.object({ id: Id });
const MinutesState = MeetingDetail.shape.minutes.unwrap();

/** HTTP routes of the meetings feature (minutes), for the OpenAPI document. */
export const meetingMinutesRoutes: Route[] = [
  {
    method: 'post',
    path: '/api/meetings/{id}/minutes/review',
    tag,
    summary:
      'Soumettre le projet de procès-verbal (les notes) à la relecture des participants pour n jours, annoncé dans la discussion de la rencontre (animateurs)',
    params: idParam,
    body: StartMinutesReviewRequest,
    response: MinutesState,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/meetings/{id}/minutes/amendments',
    tag,
    summary: 'Les propositions d’amendement du procès-verbal (membres du groupe et invités de la rencontre)',
    params: idParam,
    response: z.array(MinutesAmendment),
    errors: [401, 404],
  },
  {
    method: 'post',
    path: '/api/meetings/{id}/minutes/amendments',
    tag,
    summary: 'Proposer un amendement ou une remarque, pendant la relecture seulement (409 sinon)',
    params: idParam,
    body: ProposeAmendmentRequest,
    status: 201,
    response: MinutesAmendment,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/meetings/{id}/minutes/amendments/{amendmentId}/decision',
    tag,
    summary: 'Accepter ou refuser une proposition d’amendement (animateurs)',
    params: z.object({ id: Id, amendmentId: Id }),
    body: DecideAmendmentRequest,
    response: MinutesAmendment,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/meetings/{id}/minutes/publish',
    tag,
    summary:
      'Publier le procès-verbal : copie figée des notes, pour le groupe (et les invités si choisi), annoncée dans la discussion (animateurs)',
    params: idParam,
    body: PublishMinutesRequest,
    response: PublishedMinutes,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/meetings/{id}/minutes',
    tag,
    summary:
      'Le procès-verbal publié (membres du groupe ; invités si rendu visible ; 404 avant la publication)',
    params: idParam,
    response: PublishedMinutes,
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/meetings/{id}/minutes.pdf',
    tag,
    summary: 'Le procès-verbal publié en PDF : présences, décisions, actions, puis les notes',
    params: idParam,
    response: z.string().describe('Document PDF (application/pdf), envoyé en pièce jointe'),
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/fiches/{id}/minutes',
    tag,
    summary: 'Les procès-verbaux publiés qui renvoient à cette fiche (ceux que l’appelant peut lire)',
    params: idParam,
    response: z.array(z.object({ meetingId: Id, title: z.string(), publishedAt: Timestamp })),
    errors: [401, 403, 404],
  },
];
