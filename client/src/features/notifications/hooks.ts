import type {
  Notification,
  NotificationPreferences,
  UpdateNotificationPreferencesRequest,
} from '@affluents/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/ui/toast';
import { useSocketEvent } from '../../realtime/socket';
import { notificationsApi } from './api/notifications-api';
import { type NotificationFeed, notificationReceived, notificationsRead } from './notification-feed';

export const notificationKeys = {
  all: ['notifications'] as const,
  preferences: ['notifications', 'preferences'] as const,
};
// The feed lives under the root key so that `invalidateQueries(['notifications'])` refreshes it.
const feedKey = [...notificationKeys.all, 'feed'] as const;

const PAGE_SIZE = 20;

/** My notifications, newest first, page after page, with the unread count. */
export function useNotificationFeed() {
  return useInfiniteQuery({
    queryKey: feedKey,
    queryFn: ({ pageParam, signal }) =>
      notificationsApi.list({ cursor: pageParam ?? undefined, limit: PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Marks some notifications, or all, as read: at once on screen, then on the server (refetched on failure). */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => notificationsApi.markRead(ids === 'all' ? { all: true } : { ids }),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: feedKey });
      queryClient.setQueryData<NotificationFeed>(feedKey, (feed) =>
        notificationsRead(feed, ids, new Date().toISOString()),
      );
    },
    onError: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}

const mentionKinds: ReadonlySet<Notification['kind']> = new Set([
  'mention',
  'group_mention',
  'comment_mention',
  'fiche_mention',
]);

/**
 * Keeps the feed live: a pushed notification goes on top (and a mention shows a short toast); after a
 * reconnection, the feed is refetched, since what was pushed meanwhile was lost; after an access was
 * withdrawn too, since the server no longer lists the notifications about what was left.
 */
export function useLiveNotifications() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useSocketEvent('notification:new', (notification) => {
    queryClient.setQueryData<NotificationFeed>(feedKey, (feed) => notificationReceived(feed, notification));
    if (mentionKinds.has(notification.kind)) {
      notify.success(
        t('notifications.toast.mention', {
          name: notification.actor?.displayName ?? t('notifications.someone'),
        }),
        notification.title,
      );
    }
  });
  useSocketEvent('connect', () => {
    void queryClient.invalidateQueries({ queryKey: feedKey });
  });
  useSocketEvent('access:revoked', () => {
    void queryClient.invalidateQueries({ queryKey: feedKey });
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => notificationsApi.preferences(signal),
  });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UpdateNotificationPreferencesRequest) => notificationsApi.updatePreferences(change),
    // The server answers with every preference as stored (the kinds not sent kept theirs).
    onSuccess: (saved: NotificationPreferences) =>
      queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}
