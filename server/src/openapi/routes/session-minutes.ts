import type { Route } from '../route';

/** HTTP routes of the sessions feature (minutes), for the OpenAPI document. */
export const sessionMinutesRoutes: Route[] = [];
