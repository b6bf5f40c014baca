import {
  type MarkNotificationsReadRequest,
  routes,
  type UpdateNotificationPreferencesRequest,
} from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.notifications;

export const notificationsApi = {
  list: (query: { cursor?: string; limit?: number; unreadOnly?: boolean }, signal?: AbortSignal) =>
    call(r.list, {
      query: { cursor: query.cursor, limit: query.limit, unreadOnly: query.unreadOnly ? 'true' : undefined },
      signal,
    }),
  markRead: (body: MarkNotificationsReadRequest) => call(r.markRead, { body }),
  preferences: (signal?: AbortSignal) => call(r.preferences, { signal }),
  updatePreferences: (body: UpdateNotificationPreferencesRequest) => call(r.setPreferences, { body }),
};
