import type { HttpRoute } from '../http-route';
import { activityRoutes } from './activity';
import { authRoutes } from './auth';
import { bassinsRoutes } from './bassins';
import { commentsRoutes } from './comments';
import { discussionsRoutes } from './discussions';
import { exportsRoutes } from './exports';
import { ficheQuestionsRoutes } from './fiche-questions';
import { fichesRoutes } from './fiches';
import { filesRoutes } from './files';

export { ficheFilesPath, fileDisplayPath, fileDownloadPath, filePreviewPath } from './files';

import { groupsRoutes } from './groups';
import { healthRoutes } from './health';
import { invitationsRoutes } from './invitations';
import { meetingCalendarRoutes } from './meeting-calendar';
import { meetingLiveRoutes } from './meeting-live';
import { meetingMinutesRoutes } from './meeting-minutes';
import { meetingsRoutes } from './meetings';
import { notificationsRoutes } from './notifications';
import { organisationsRoutes } from './organisations';
import { pollsRoutes } from './polls';
import { pushRoutes } from './push';
import { usersRoutes } from './users';

/**
 * Every HTTP route of the API, by feature: the one declaration of each route. The server binds its
 * controllers to these (`@Route`), generates the OpenAPI document from them, and the client calls them
 * with `call()`. Adding a route: declare it in its feature's file here, then bind a controller method.
 */
export const routes = {
  health: healthRoutes,
  auth: authRoutes,
  bassins: bassinsRoutes,
  groups: groupsRoutes,
  organisations: organisationsRoutes,
  users: usersRoutes,
  invitations: invitationsRoutes,
  fiches: fichesRoutes,
  ficheQuestions: ficheQuestionsRoutes,
  comments: commentsRoutes,
  exports: exportsRoutes,
  files: filesRoutes,
  discussions: discussionsRoutes,
  polls: pollsRoutes,
  notifications: notificationsRoutes,
  push: pushRoutes,
  meetings: meetingsRoutes,
  meetingCalendar: meetingCalendarRoutes,
  meetingLive: meetingLiveRoutes,
  meetingMinutes: meetingMinutesRoutes,
  activity: activityRoutes,
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
