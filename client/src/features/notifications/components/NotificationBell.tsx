import type { Notification } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Link, UnstyledButton } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { DialogTrigger, Popover, PopoverDialog } from '../../../components/ui/Popover';
import { formatDate, formatRelative } from '../../../lib/dates';
import { initialsOf, userColor } from '../../../lib/user-color';
import { useLiveNotifications, useMarkNotificationsRead, useNotificationFeed } from '../hooks';
import { feedItems, feedUnreadCount } from '../notification-feed';
import styles from '../notifications.module.css';

function BellIcon() {
  return (
    <svg className={styles.bellIcon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

/** Shown in the badge; beyond 99 the exact figure stops mattering (the accessible name keeps it). */
const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

/**
 * The header's notification bell: the unread count on the button, and a panel listing my notifications.
 * Opening one marks it read and goes where it points. Notifications arrive live over the socket.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const feed = useNotificationFeed();
  const markRead = useMarkNotificationsRead();
  useLiveNotifications();
  const unread = feedUnreadCount(feed.data);
  const items = feedItems(feed.data);

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <UnstyledButton
        className={`button button--ghost ${styles.bellTrigger}`}
        aria-label={
          unread > 0 ? t('notifications.bell.labelUnread', { count: unread }) : t('notifications.bell.label')
        }
      >
        <BellIcon />
        {unread > 0 && (
          <span className={styles.bellBadge} aria-hidden="true">
            {badgeText(unread)}
          </span>
        )}
      </UnstyledButton>
      <Popover className={styles.panel} placement="bottom end">
        <PopoverDialog className={styles.panelDialog} aria-label={t('notifications.bell.label')}>
          <div className={styles.panelHeader}>
            <Heading slot="title" level={2} className={styles.panelTitle}>
              {t('notifications.bell.label')}
            </Heading>
            {unread > 0 && (
              <Button size="sm" variant="ghost" onPress={() => markRead.mutate('all')}>
                {t('notifications.bell.markAllRead')}
              </Button>
            )}
          </div>
          {feed.isPending ? (
            <LoadingState />
          ) : feed.isError ? (
            <ErrorState error={feed.error} onRetry={() => feed.refetch()} />
          ) : items.length === 0 ? (
            <p className={styles.panelEmpty}>{t('notifications.bell.empty')}</p>
          ) : (
            <>
              <ul className={styles.list}>
                {items.map((notification) => (
                  <NotificationItem
                    key={notification.id}
                    notification={notification}
                    onOpen={() => {
                      if (!notification.readAt) markRead.mutate([notification.id]);
                      setOpen(false);
                    }}
                  />
                ))}
              </ul>
              {feed.hasNextPage && (
                <div className={styles.panelMore}>
                  <Button size="sm" onPress={() => feed.fetchNextPage()} isPending={feed.isFetchingNextPage}>
                    {t('notifications.bell.more')}
                  </Button>
                </div>
              )}
            </>
          )}
        </PopoverDialog>
      </Popover>
    </DialogTrigger>
  );
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const unread = !notification.readAt;
  const actor = notification.actor;
  return (
    <li className={`notification-item ${styles.item}${unread ? ` ${styles.itemUnread}` : ''}`}>
      <Link href={notification.link} onPress={onOpen} className={styles.itemLink}>
        {actor ? (
          <span
            className={styles.itemAvatar}
            style={{ backgroundColor: userColor(actor.id) }}
            aria-hidden="true"
          >
            {initialsOf(actor.displayName)}
          </span>
        ) : (
          <span className={`${styles.itemAvatar} ${styles.itemAvatarSystem}`} aria-hidden="true">
            A
          </span>
        )}
        <span className={styles.itemBody}>
          {unread && <span className="visually-hidden">{t('notifications.bell.unread')} </span>}
          <span className={styles.itemWhat}>
            {t(`notifications.kinds.${notification.kind}`, {
              name: actor?.displayName ?? t('notifications.someone'),
            })}
          </span>
          <span className={styles.itemTitle}>{notification.title}</span>
          {notification.excerpt && <span className={styles.itemExcerpt}>{notification.excerpt}</span>}
          <time
            className={styles.itemTime}
            dateTime={notification.createdAt}
            title={formatDate('dayTime', notification.createdAt, i18n.language)}
          >
            {formatRelative(notification.createdAt, i18n.language, t('notifications.justNow'))}
          </time>
        </span>
        {unread && <span className={styles.itemDot} aria-hidden="true" />}
      </Link>
    </li>
  );
}
