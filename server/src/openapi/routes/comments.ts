import type { Route } from '../route';

/** HTTP routes of the comments feature, for the OpenAPI document. */
export const commentsRoutes: Route[] = [];
