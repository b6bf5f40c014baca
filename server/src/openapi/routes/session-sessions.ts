import type { Route } from '../route';

/** HTTP routes of the sessions feature (sessions), for the OpenAPI document. */
export const sessionSessionsRoutes: Route[] = [];
