import * as c from '@affluents/contracts';
import { z } from 'zod';
import type { Route } from '../route';

const ficheParam = z.object({ id: c.Id });
const commentParam = z.object({ id: c.Id, commentId: c.Id });
const replyParam = z.object({ id: c.Id, commentId: c.Id, replyId: c.Id });
const tag = 'Commentaires';

/** HTTP routes of the comments feature, for the OpenAPI document. */
export const commentsRoutes: Route[] = [
  {
    method: 'get',
    path: '/api/fiches/{id}/comments',
    tag,
    summary: 'Commentaires d’une fiche, dans l’ordre du texte (membres du groupe)',
    params: ficheParam,
    query: c.ListFicheCommentsQuery,
    response: z.array(c.FicheComment),
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/fiches/{id}/comments',
    tag,
    summary: 'Commenter un passage (ancres Yjs relatives, citation, texte)',
    params: ficheParam,
    body: c.CreateFicheCommentRequest,
    status: 201,
    response: c.FicheComment,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'patch',
    path: '/api/fiches/{id}/comments/{commentId}',
    tag,
    summary: 'Modifier son commentaire',
    params: commentParam,
    body: c.ReplyFicheCommentRequest,
    response: c.FicheComment,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'delete',
    path: '/api/fiches/{id}/comments/{commentId}',
    tag,
    summary: 'Supprimer son commentaire et ses réponses',
    params: commentParam,
    status: 204,
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/fiches/{id}/comments/{commentId}/replies',
    tag,
    summary: 'Répondre à un commentaire',
    params: commentParam,
    body: c.ReplyFicheCommentRequest,
    status: 201,
    response: c.FicheComment,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'patch',
    path: '/api/fiches/{id}/comments/{commentId}/replies/{replyId}',
    tag,
    summary: 'Modifier sa réponse',
    params: replyParam,
    body: c.ReplyFicheCommentRequest,
    response: c.FicheComment,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'delete',
    path: '/api/fiches/{id}/comments/{commentId}/replies/{replyId}',
    tag,
    summary: 'Supprimer sa réponse',
    params: replyParam,
    response: c.FicheComment,
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/fiches/{id}/comments/{commentId}/resolve',
    tag,
    summary: 'Résoudre ou rouvrir un commentaire (son auteur, les animateurs)',
    params: commentParam,
    body: c.ResolveFicheCommentRequest,
    response: c.FicheComment,
    errors: [400, 401, 403, 404],
  },
];
