import { z } from 'zod';
import { Id } from '../common';
import { AskFicheQuestionRequest, FicheQuestions, ThreadDetail } from '../discussions';
import { route } from '../http-route';

const tag = 'Questions sur les fiches';

/** HTTP routes of the readers' questions to the authors of a published fiche. */
export const ficheQuestionsRoutes = {
  ask: route({
    method: 'post',
    path: '/api/fiches/:id/questions',
    tag,
    summary:
      'Poser une question aux auteurs d’une fiche publiée (ouvre une discussion « question » dans son groupe)',
    access: { allow: 'fiche.ask' },
    params: z.object({ id: Id }),
    body: AskFicheQuestionRequest,
    status: 201,
    response: ThreadDetail,
    errors: [400, 401, 403, 404],
  }),
  list: route({
    method: 'get',
    path: '/api/fiches/:id/questions',
    tag,
    summary: 'Les questions posées sur une fiche que l’appelant peut lire',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: FicheQuestions,
    errors: [401, 404],
  }),
};
