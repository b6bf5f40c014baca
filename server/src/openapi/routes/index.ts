import type { Route } from '../route';
import { commentsRoutes } from './comments';
import { discussionsRoutes } from './discussions';
import { exportsRoutes } from './exports';
import { filesRoutes } from './files';
import { meetingCalendarRoutes } from './meeting-calendar';
import { meetingLiveRoutes } from './meeting-live';
import { meetingMeetingsRoutes } from './meeting-meetings';
import { meetingMinutesRoutes } from './meeting-minutes';
import { notificationsRoutes } from './notifications';

/** Routes of the features documented in their own files (one file per feature keeps edits apart). */
export const featureRoutes: Route[] = [
  ...discussionsRoutes,
  ...notificationsRoutes,
  ...commentsRoutes,
  ...exportsRoutes,
  ...filesRoutes,
  ...meetingMeetingsRoutes,
  ...meetingCalendarRoutes,
  ...meetingLiveRoutes,
  ...meetingMinutesRoutes,
];
