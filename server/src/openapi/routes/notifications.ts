import * as c from '@affluents/contracts';
import type { Route } from '../route';

const tag = 'Notifications';

/** HTTP routes of the notifications feature, for the OpenAPI document. */
export const notificationsRoutes: Route[] = [
  {
    method: 'get',
    path: '/api/notifications',
    tag,
    summary: 'Mes notifications, les plus récentes d’abord (pagination par curseur)',
    query: c.ListNotificationsQuery,
    response: c.NotificationPage,
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/notifications/read',
    tag,
    summary: 'Marquer des notifications comme lues (ou toutes)',
    body: c.MarkNotificationsReadRequest,
    response: c.MarkNotificationsReadResult,
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/me/notification-preferences',
    tag,
    summary: 'Mes préférences de notification (courriels de mention, résumé quotidien)',
    response: c.NotificationPreferences,
    errors: [401],
  },
  {
    method: 'put',
    path: '/api/me/notification-preferences',
    tag,
    summary: 'Modifier mes préférences de notification',
    body: c.NotificationPreferences,
    response: c.NotificationPreferences,
    errors: [400, 401],
  },
];
