import type { HttpRoute } from '../http-route';
import { pollsRoutes } from './polls';

/**
 * Every HTTP route of the API, by feature: the one declaration of each route. The server binds its
 * controllers to these (`@Route`), generates the OpenAPI document from them, and the client calls them
 * with `call()`. Adding a route: declare it in its feature's file here, then bind a controller method.
 */
export const routes = {
  polls: pollsRoutes,
};

/** The features of `routes`, by name. */
export type RouteFeature = keyof typeof routes;

/** Every declared route, flattened, with its feature and name within the feature. */
export function listRoutes(): Array<{ feature: RouteFeature; name: string; route: HttpRoute }> {
  return Object.entries(routes).flatMap(([feature, group]) =>
    Object.entries(group).map(([name, declared]) => ({
      feature: feature as RouteFeature,
      name,
      route: declared as HttpRoute,
    })),
  );
}
