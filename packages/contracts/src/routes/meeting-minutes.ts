import { z } from 'zod';
import { Id, Timestamp } from '../common';
import { route } from '../http-route';
import {
  DecideAmendmentRequest,
  MeetingDetail,
  MinutesAmendment,
  ProposeAmendmentRequest,
  PublishedMinutes,
  PublishMinutesRequest,
  StartMinutesReviewRequest,
} from '../meetings';

const MinutesState = MeetingDetail.shape.minutes.unwrap();

/** HTTP routes of the minutes of meetings (review, amendments, publication, PDF). */
export const meetingMinutesRoutes = {
  forFiche: route({
    method: 'get',
    path: '/api/fiches/:id/minutes',
    tag: 'Rencontres (procès-verbal)',
    summary: 'Les procès-verbaux publiés qui renvoient à cette fiche (ceux que l’appelant peut lire)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: z.array(z.object({ meetingId: Id, title: z.string(), publishedAt: Timestamp })),
    errors: [401, 403, 404],
  }),
  startReview: route({
    method: 'post',
    path: '/api/meetings/:id/minutes/review',
    tag: 'Rencontres (procès-verbal)',
    summary:
      'Soumettre le projet de procès-verbal (les notes) à la relecture des participants pour n jours, annoncé dans la discussion de la rencontre (animateurs)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    body: StartMinutesReviewRequest,
    response: MinutesState,
    errors: [400, 401, 403, 404, 409],
  }),
  amendments: route({
    method: 'get',
    path: '/api/meetings/:id/minutes/amendments',
    tag: 'Rencontres (procès-verbal)',
    summary: 'Les propositions d’amendement du procès-verbal (membres du groupe et invités de la rencontre)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: z.array(MinutesAmendment),
    errors: [401, 404],
  }),
  propose: route({
    method: 'post',
    path: '/api/meetings/:id/minutes/amendments',
    tag: 'Rencontres (procès-verbal)',
    summary:
      'Proposer une remarque ou le remplacement d’un passage, pendant la relecture seulement (409 sinon)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    body: ProposeAmendmentRequest,
    status: 201,
    response: MinutesAmendment,
    errors: [400, 401, 403, 404, 409],
  }),
  decide: route({
    method: 'post',
    path: '/api/meetings/:id/minutes/amendments/:amendmentId/decision',
    tag: 'Rencontres (procès-verbal)',
    summary:
      'Accepter ou refuser une proposition d’amendement (animateurs) ; accepter un remplacement l’applique au texte (409 si le passage a changé)',
    access: 'signed-in',
    params: z.object({ id: Id, amendmentId: Id }),
    body: DecideAmendmentRequest,
    response: MinutesAmendment,
    errors: [400, 401, 403, 404],
  }),
  publish: route({
    method: 'post',
    path: '/api/meetings/:id/minutes/publish',
    tag: 'Rencontres (procès-verbal)',
    summary:
      'Publier le procès-verbal : copie figée des notes, pour le groupe (et les invités si choisi), annoncée dans la discussion (animateurs)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    body: PublishMinutesRequest,
    response: PublishedMinutes,
    errors: [400, 401, 403, 404, 409],
  }),
  published: route({
    method: 'get',
    path: '/api/meetings/:id/minutes',
    tag: 'Rencontres (procès-verbal)',
    summary:
      'Le procès-verbal publié (membres du groupe ; invités si rendu visible ; 404 avant la publication)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: PublishedMinutes,
    errors: [401, 404],
  }),
  pdf: route({
    method: 'get',
    path: '/api/meetings/:id/minutes.pdf',
    tag: 'Rencontres (procès-verbal)',
    summary: 'Le procès-verbal publié en PDF : présences, décisions, actions, puis les notes',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: { kind: 'file', mediaType: 'application/pdf' },
    errors: [401, 404],
  }),
};
