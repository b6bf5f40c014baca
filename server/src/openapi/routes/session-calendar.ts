import type { Route } from '../route';

/** HTTP routes of the sessions feature (calendar), for the OpenAPI document. */
export const sessionCalendarRoutes: Route[] = [];
