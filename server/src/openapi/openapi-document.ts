import * as c from '@affluents/contracts';
import { type HttpRoute, listRoutes, openApiPath } from '@affluents/contracts';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Route } from './route';
import { featureRoutes } from './routes';

const idParam = z.object({ id: c.Id });
const tokenParam = z.object({ token: z.string() });

/** Every HTTP route, documented from the same zod schemas the server validates with. */
const coreRoutes: Route[] = [
  {
    method: 'get',
    path: '/api/health',
    tag: 'Santé',
    summary: 'État du serveur, de la base et de Redis',
    public: true,
    response: c.HealthResponse,
    errors: [503],
  },
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'Authentification',
    summary: 'Se connecter (pose le cookie de session)',
    public: true,
    body: c.LoginRequest,
    response: c.CurrentUser,
    errors: [400, 401, 429],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Authentification',
    summary: 'Se déconnecter',
    public: true,
    status: 204,
  },
  {
    method: 'get',
    path: '/api/auth/me',
    tag: 'Authentification',
    summary: 'Le compte connecté',
    response: c.CurrentUser,
    errors: [401],
  },
  {
    method: 'patch',
    path: '/api/auth/me',
    tag: 'Authentification',
    summary: 'Modifier son profil',
    body: c.UpdateMyProfile,
    response: c.CurrentUser,
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/auth/password-reset',
    tag: 'Authentification',
    summary: 'Demander un lien de réinitialisation (toujours 202)',
    public: true,
    body: c.PasswordResetRequest,
    status: 202,
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/auth/password-reset/confirm',
    tag: 'Authentification',
    summary: 'Choisir un nouveau mot de passe',
    public: true,
    body: c.PasswordResetConfirm,
    status: 204,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/bassins',
    tag: 'Bassins',
    summary: 'Les bassins et leurs trois groupes',
    query: c.ListBassinsQuery,
    response: z.array(c.BassinSummary),
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/bassins',
    tag: 'Bassins',
    summary: 'Créer un bassin (et ses trois groupes)',
    body: c.CreateBassinRequest,
    status: 201,
    response: c.BassinSummary,
    errors: [400, 401, 403, 409],
  },
  {
    method: 'patch',
    path: '/api/bassins/{id}',
    tag: 'Bassins',
    summary: 'Renommer, archiver ou restaurer un bassin',
    params: idParam,
    body: c.UpdateBassinRequest,
    response: c.BassinSummary,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/bassins/{id}/merge',
    tag: 'Bassins',
    summary: 'Fusionner ce bassin dans un autre',
    params: idParam,
    body: c.MergeBassinRequest,
    response: c.MergeBassinResult,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/groups/{id}',
    tag: 'Groupes',
    summary: 'Un groupe et ses membres',
    params: idParam,
    response: c.GroupDetail,
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/groups/{id}/move',
    tag: 'Groupes',
    summary: 'Déplacer un groupe vers un autre bassin',
    params: idParam,
    body: c.MoveGroupRequest,
    response: c.GroupDetail,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/groups/{id}/members',
    tag: 'Groupes',
    summary: 'Ajouter un compte existant au groupe',
    params: idParam,
    body: c.AddMemberRequest,
    status: 201,
    response: c.GroupMember,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'patch',
    path: '/api/groups/{id}/members/{userId}',
    tag: 'Groupes',
    summary: 'Changer le rôle d’un membre',
    params: z.object({ id: c.Id, userId: c.Id }),
    body: c.UpdateMemberRequest,
    response: c.GroupMember,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'delete',
    path: '/api/groups/{id}/members/{userId}',
    tag: 'Groupes',
    summary: 'Retirer un membre du groupe',
    params: z.object({ id: c.Id, userId: c.Id }),
    status: 204,
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/organisations',
    tag: 'Organisations',
    summary: 'Lister les organisations',
    query: c.ListOrganisationsQuery,
    response: z.array(c.Organisation),
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/organisations/{id}',
    tag: 'Organisations',
    summary: 'Une organisation',
    params: idParam,
    response: c.Organisation,
    errors: [401, 404],
  },
  {
    method: 'post',
    path: '/api/organisations',
    tag: 'Organisations',
    summary: 'Créer une organisation',
    body: c.CreateOrganisationRequest,
    status: 201,
    response: c.Organisation,
    errors: [400, 401, 403, 409],
  },
  {
    method: 'patch',
    path: '/api/organisations/{id}',
    tag: 'Organisations',
    summary: 'Modifier une organisation',
    params: idParam,
    body: c.UpdateOrganisationRequest,
    response: c.Organisation,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/users',
    tag: 'Comptes',
    summary: 'Lister les comptes',
    query: c.ListUsersQuery,
    response: z.array(c.UserAdminView),
    errors: [401, 403],
  },
  {
    method: 'patch',
    path: '/api/users/{id}',
    tag: 'Comptes',
    summary: 'Modifier un compte (rôle, organisation, désactivation)',
    params: idParam,
    body: c.UpdateUserRequest,
    response: c.UserAdminView,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/invitations',
    tag: 'Invitations',
    summary: 'Inviter une adresse e-mail dans un groupe',
    body: c.CreateInvitationRequest,
    status: 201,
    response: c.Invitation,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/invitations',
    tag: 'Invitations',
    summary: 'Lister les invitations',
    query: c.ListInvitationsQuery,
    response: z.array(c.Invitation),
    errors: [401, 403],
  },
  {
    method: 'delete',
    path: '/api/invitations/{id}',
    tag: 'Invitations',
    summary: 'Annuler une invitation',
    params: idParam,
    status: 204,
    errors: [401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/invitations/by-token/{token}',
    tag: 'Invitations',
    summary: 'Aperçu d’une invitation (sans connexion)',
    public: true,
    params: tokenParam,
    response: c.InvitationPreview,
    errors: [404, 410],
  },
  {
    method: 'post',
    path: '/api/invitations/by-token/{token}/accept',
    tag: 'Invitations',
    summary: 'Accepter une invitation',
    public: true,
    params: tokenParam,
    body: c.AcceptInvitationRequest,
    response: c.CurrentUser,
    errors: [400, 401, 403, 404, 410],
  },
  {
    method: 'post',
    path: '/api/fiches',
    tag: 'Fiches actions',
    summary: 'Créer une fiche (brouillon pré-rempli avec le modèle)',
    body: c.CreateFicheRequest,
    status: 201,
    response: c.FicheDetail,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/fiches',
    tag: 'Fiches actions',
    summary: 'Boîte à outils : recherche plein texte (français) et filtres, ou les fiches d’un groupe',
    query: c.SearchFichesQuery,
    response: c.FicheSearchPage,
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/fiches/{id}',
    tag: 'Fiches actions',
    summary: 'Une fiche : métadonnées, statut, rubriques vides, versions',
    params: idParam,
    response: c.FicheDetail,
    errors: [401, 403, 404],
  },
  {
    method: 'patch',
    path: '/api/fiches/{id}',
    tag: 'Fiches actions',
    summary: 'Modifier les métadonnées',
    params: idParam,
    body: c.UpdateFicheRequest,
    response: c.FicheDetail,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/fiches/{id}/status',
    tag: 'Fiches actions',
    summary: 'Soumettre à relecture, revenir en brouillon, archiver ou restaurer',
    params: idParam,
    body: c.ChangeFicheStatusRequest,
    response: c.FicheDetail,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/fiches/{id}/publish',
    tag: 'Fiches actions',
    summary: 'Publier (animateur·rice) pour le groupe, le bassin ou tout le réseau',
    params: idParam,
    body: c.PublishFicheRequest,
    response: c.FicheDetail,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/fiches/{id}/versions',
    tag: 'Fiches actions',
    summary: 'Prendre une version nommée',
    params: idParam,
    body: c.CreateFicheVersionRequest,
    status: 201,
    response: c.FicheDetail,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/fiches/{id}/versions/{versionId}',
    tag: 'Fiches actions',
    summary: 'Une version figée (document Yjs en base64, à ouvrir en lecture seule)',
    params: z.object({ id: c.Id, versionId: c.Id }),
    response: c.FicheVersionContent,
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/fiches/{id}/versions/{versionId}/restore',
    tag: 'Fiches actions',
    summary: 'Restaurer une version (nouvelle modification, l’historique est conservé)',
    params: z.object({ id: c.Id, versionId: c.Id }),
    response: c.FicheDetail,
    errors: [401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/fiches/{id}/export.md',
    tag: 'Fiches actions',
    summary: 'Exporter en Markdown (texte vivant ou une version)',
    params: idParam,
    query: c.ExportFicheQuery,
    response: z.string(),
    errors: [401, 403, 404],
  },
];

// Routes not yet declared in the contracts, adapted to the declarations' shape.
const pendingRoutes: HttpRoute[] = [...coreRoutes, ...featureRoutes].map((legacy) => ({
  ...legacy,
  path: legacy.path.replace(/\{(\w+)\}/g, ':$1'),
  access: legacy.public ? 'public' : 'signed-in',
  bodyType: legacy.bodyType as HttpRoute['bodyType'],
  errors: legacy.errors ?? [],
}));

const errorDescriptions: Record<number, string> = {
  400: 'Entrée invalide (fieldErrors détaille chaque champ)',
  401: 'Connexion requise',
  403: 'Action non autorisée',
  404: 'Introuvable',
  409: 'Conflit (doublon, état incompatible)',
  410: 'Lien expiré, annulé ou déjà utilisé',
  413: 'Trop volumineux (le message nomme le fichier et la limite)',
  415: 'Type de fichier refusé (le message nomme le fichier et les types acceptés)',
  429: 'Trop de tentatives',
  503: 'Base de données indisponible',
};

function successOf(route: HttpRoute): { description: string; content?: object } {
  const answer = route.response;
  if (!answer) return { description: 'Succès, sans contenu' };
  if ('kind' in answer) {
    // A stream of bytes: a PDF, an iCalendar file, or a stored file of its own type.
    return {
      description: 'Succès (fichier)',
      content: { [answer.mediaType]: { schema: { type: 'string', format: 'binary' } } },
    };
  }
  return { description: 'Succès', content: { 'application/json': { schema: answer } } };
}

/** Builds the OpenAPI 3.1 document served at /api/docs/openapi.json. */
export function buildOpenApiDocument(version: string) {
  const registry = new OpenAPIRegistry();
  // `.meta({ id })` makes the generator emit a named component and reference it.
  const apiError = c.ApiError.meta({ id: 'ApiError' });
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'affluents_session',
  });
  const declared = listRoutes().map((entry) => entry.route);
  for (const route of [...declared, ...pendingRoutes]) {
    const responses: Record<string, { description: string; content?: object }> = {};
    responses[String(route.status ?? 200)] = successOf(route);
    for (const status of route.errors ?? []) {
      responses[String(status)] = {
        description: errorDescriptions[status] ?? 'Erreur',
        content: { 'application/json': { schema: apiError } },
      };
    }
    registry.registerPath({
      method: route.method,
      path: openApiPath(route.path),
      summary: route.summary,
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ session: [] }],
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.body
          ? { body: { content: { [route.bodyType ?? 'application/json']: { schema: route.body } } } }
          : {}),
      },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Affluents API',
      version,
      description:
        'API des groupes d’échange des bassins. Toutes les erreurs suivent le schéma ApiError. ' +
        'Authentification par cookie de session httpOnly (POST /api/auth/login).',
    },
    servers: [{ url: '/' }],
  });
}
