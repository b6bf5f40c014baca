import { route } from '../http-route';
import {
  ListNotificationsQuery,
  MarkNotificationsReadRequest,
  MarkNotificationsReadResult,
  NotificationPage,
  NotificationPreferences,
  UpdateNotificationPreferencesRequest,
} from '../notifications';

/** HTTP routes of the notifications and their preferences. */
export const notificationsRoutes = {
  list: route({
    method: 'get',
    path: '/api/notifications',
    tag: 'Notifications',
    summary: 'Mes notifications, les plus récentes d’abord (pagination par curseur)',
    access: 'signed-in',
    query: ListNotificationsQuery,
    response: NotificationPage,
    errors: [400, 401],
  }),
  markRead: route({
    method: 'post',
    path: '/api/notifications/read',
    tag: 'Notifications',
    summary: 'Marquer des notifications comme lues (ou toutes)',
    access: 'signed-in',
    body: MarkNotificationsReadRequest,
    response: MarkNotificationsReadResult,
    errors: [400, 401],
  }),
  preferences: route({
    method: 'get',
    path: '/api/me/notification-preferences',
    tag: 'Notifications',
    summary:
      'Mes préférences de notification (par sorte : aucune, dans l’application, par courriel ; résumé quotidien)',
    access: 'signed-in',
    response: NotificationPreferences,
    errors: [401],
  }),
  setPreferences: route({
    method: 'put',
    path: '/api/me/notification-preferences',
    tag: 'Notifications',
    summary: 'Modifier mes préférences de notification',
    access: 'signed-in',
    body: UpdateNotificationPreferencesRequest,
    response: NotificationPreferences,
    errors: [400, 401],
  }),
};
