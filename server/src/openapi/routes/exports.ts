import type { Route } from '../route';

/** HTTP routes of the exports feature, for the OpenAPI document. */
export const exportsRoutes: Route[] = [];
