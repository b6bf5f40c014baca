import { HealthResponse } from '../health';
import { route } from '../http-route';

/** HTTP routes of the health check. */
export const healthRoutes = {
  health: route({
    method: 'get',
    path: '/api/health',
    tag: 'Santé',
    summary: 'État du serveur, de la base et de Redis',
    access: 'public',
    ignoresSession: true,
    response: HealthResponse,
    errors: [503],
  }),
};
