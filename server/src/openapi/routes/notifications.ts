import type { Route } from '../route';

/** HTTP routes of the notifications feature, for the OpenAPI document. */
export const notificationsRoutes: Route[] = [];
