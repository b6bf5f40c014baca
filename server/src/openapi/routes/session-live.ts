import type { Route } from '../route';

/** HTTP routes of the sessions feature (live), for the OpenAPI document. */
export const sessionLiveRoutes: Route[] = [];
