import * as c from '@affluents/contracts';
import { type HttpRoute, listRoutes, openApiPath } from '@affluents/contracts';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

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
  for (const { route } of listRoutes()) {
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
