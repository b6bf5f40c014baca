import type { Route } from '../route';
import { commentsRoutes } from './comments';
import { discussionsRoutes } from './discussions';
import { exportsRoutes } from './exports';
import { filesRoutes } from './files';
import { notificationsRoutes } from './notifications';
import { pollsRoutes } from './polls';
import { sessionCalendarRoutes } from './session-calendar';
import { sessionLiveRoutes } from './session-live';
import { sessionMinutesRoutes } from './session-minutes';
import { sessionSessionsRoutes } from './session-sessions';

/** Routes of the features documented in their own files (one file per feature keeps edits apart). */
export const featureRoutes: Route[] = [
  ...discussionsRoutes,
  ...pollsRoutes,
  ...notificationsRoutes,
  ...commentsRoutes,
  ...exportsRoutes,
  ...filesRoutes,
  ...sessionSessionsRoutes,
  ...sessionCalendarRoutes,
  ...sessionLiveRoutes,
  ...sessionMinutesRoutes,
];
