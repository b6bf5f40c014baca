import type {
  MarkNotificationsReadRequest,
  NotificationPage,
  NotificationPreferences,
} from '@affluents/contracts';
import { api, apiRequest } from '../../../lib/api-client';

export const notificationsApi = {
  list: (query: { cursor?: string; limit?: number; unreadOnly?: boolean }, signal?: AbortSignal) =>
    api.get<NotificationPage>(
      '/api/notifications',
      { cursor: query.cursor, limit: query.limit, unreadOnly: query.unreadOnly ? 'true' : undefined },
      signal,
    ),
  markRead: (body: MarkNotificationsReadRequest) => api.post<unknown>('/api/notifications/read', body),
  preferences: (signal?: AbortSignal) =>
    api.get<NotificationPreferences>('/api/me/notification-preferences', undefined, signal),
  updatePreferences: (body: NotificationPreferences) =>
    apiRequest<NotificationPreferences>('/api/me/notification-preferences', { method: 'PUT', body }),
};
