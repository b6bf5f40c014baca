import type { Route } from '../route';

/** HTTP routes of the polls feature, for the OpenAPI document. */
export const pollsRoutes: Route[] = [];
