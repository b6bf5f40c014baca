import type { Route } from '../route';

/** HTTP routes of the discussions feature, for the OpenAPI document. */
export const discussionsRoutes: Route[] = [];
