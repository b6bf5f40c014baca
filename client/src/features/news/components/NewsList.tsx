import type { ActivityItem, ActivityKind, NewsItem } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { Icon, type IconName } from '../../../components/ui/Icon';
import { LoadingState } from '../../../components/ui/LoadingState';
import { formatDate, formatRelative } from '../../../lib/dates';
import { useActivity, useMarkAllNewsRead, useNews } from '../hooks';
import styles from '../news.module.css';
import { groupNews, type NewsEntry } from '../news-groups';

const KIND_ICON: Record<ActivityKind, IconName> = {
  fiche_created: 'sheet',
  fiche_review: 'sheet',
  fiche_published: 'sheet',
  fiche_comment: 'sheet',
  poll_opened: 'chat',
  meeting_planned: 'calendar',
  meeting_moved: 'calendar',
  meeting_cancelled: 'calendar',
  meeting_date_poll: 'calendar',
  minutes_review: 'calendar',
  minutes_published: 'calendar',
  action_assigned: 'calendar',
};

/**
 * "Nouveautés": by group, the newest first, the threads with unread messages and what happened in the group
 * (fiches, polls, meetings, minutes, actions), each unread entry marked; « Tout marquer comme lu ».
 */
export function NewsList() {
  const { t } = useTranslation();
  const news = useNews();
  const activity = useActivity();
  const markAll = useMarkAllNewsRead();

  if (news.isPending || activity.isPending) return <LoadingState />;
  if (news.isError) return <ErrorState error={news.error} onRetry={() => news.refetch()} />;
  if (activity.isError) return <ErrorState error={activity.error} onRetry={() => activity.refetch()} />;
  const threads = news.data.items;
  const items = activity.data.pages.flatMap((page) => page.items);
  const activityUnread = activity.data.pages[0]?.totalUnread ?? 0;
  if (threads.length === 0 && items.length === 0)
    return (
      <EmptyState
        title={t('notifications.news.emptyTitle')}
        icon="chat"
        headingLevel={2}
        action={<ButtonLink href="/">{t('notifications.news.emptyAction')}</ButtonLink>}
      >
        <p>{t('notifications.news.emptyText')}</p>
      </EmptyState>
    );

  const unread = news.data.totalUnread + activityUnread;
  return (
    <div className={styles.news}>
      <div className={styles.newsToolbar}>
        <p className={styles.newsStatus} aria-live="polite">
          {unread > 0
            ? t('notifications.news.unreadTotal', { count: unread })
            : t('notifications.news.upToDate')}
        </p>
        <Button
          variant="secondary"
          isDisabled={unread === 0}
          isPending={markAll.isPending}
          onPress={() => markAll.mutate(threads.map(({ id, lastSeq }) => ({ id, lastSeq })))}
        >
          {t('notifications.news.markAllRead')}
        </Button>
      </div>
      {groupNews(threads, items).map(({ group, unread: groupUnread, entries }) => {
        const headingId = `news-group-${group.id}`;
        return (
          <section key={group.id} className="news-group" aria-labelledby={headingId}>
            <h2 id={headingId} className={styles.newsGroupTitle}>
              <Link href={`/groupes/${group.id}`} className={styles.newsGroupLink}>
                {t(`groupKinds.${group.kind}`, { defaultValue: group.kind })}
                <span className={styles.newsGroupBassin}> · {group.bassinName}</span>
              </Link>
              {groupUnread > 0 && (
                <span className={styles.newsGroupCount}>
                  {t('notifications.news.unread', { count: groupUnread })}
                </span>
              )}
            </h2>
            <ul className={styles.newsThreads}>
              {entries.map((entry) => (
                <NewsLine key={entry.id} entry={entry} />
              ))}
            </ul>
          </section>
        );
      })}
      {activity.hasNextPage && (
        <Button
          variant="secondary"
          className={styles.newsMore}
          isPending={activity.isFetchingNextPage}
          onPress={() => activity.fetchNextPage()}
        >
          {t('notifications.news.more')}
        </Button>
      )}
    </div>
  );
}

function NewsLine({ entry }: { entry: NewsEntry }) {
  return entry.type === 'thread' ? <NewsThread thread={entry.thread} /> : <NewsActivity item={entry.item} />;
}

/** When, as "il y a 5 min" with the full date on hover. */
function When({ at }: { at: string }) {
  const { t, i18n } = useTranslation();
  return (
    <time dateTime={at} title={formatDate('dayTime', at, i18n.language)}>
      {formatRelative(at, i18n.language, t('notifications.justNow'))}
    </time>
  );
}

function NewsThread({ thread }: { thread: NewsItem }) {
  const { t } = useTranslation();
  return (
    <li className={`news-entry news-entry--unread ${styles.newsThread} ${styles.newsUnread}`}>
      <Link href={`/discussions/${thread.id}`} className={styles.newsThreadLink}>
        <span className={styles.newsThreadTitle}>
          <Icon name="chat" className={styles.newsIcon} />
          {thread.title}
        </span>
        <span className={styles.newsThreadCount}>
          {t('notifications.news.unread', { count: thread.unreadCount })}
        </span>
      </Link>
      {thread.lastMessageExcerpt && <p className={styles.newsThreadExcerpt}>{thread.lastMessageExcerpt}</p>}
      <p className={styles.newsThreadMeta}>
        {t(`discussions.kind.${thread.kind}`)}
        {' · '}
        <When at={thread.lastMessageAt ?? thread.createdAt} />
      </p>
    </li>
  );
}

function NewsActivity({ item }: { item: ActivityItem }) {
  const { t } = useTranslation();
  return (
    <li
      className={`news-entry ${item.unread ? `news-entry--unread ${styles.newsUnread}` : ''} ${styles.newsThread}`}
    >
      <Link href={item.link} className={styles.newsThreadLink}>
        <span className={styles.newsThreadTitle}>
          <Icon name={KIND_ICON[item.kind]} className={styles.newsIcon} />
          {item.title}
        </span>
        {item.unread && <span className={styles.newsThreadCount}>{t('notifications.news.new')}</span>}
      </Link>
      {item.excerpt && <p className={styles.newsThreadExcerpt}>{item.excerpt}</p>}
      <p className={styles.newsThreadMeta}>
        {t(`notifications.activity.${item.kind}`)}
        {item.actor && ` · ${item.actor.displayName}`}
        {' · '}
        <When at={item.createdAt} />
      </p>
    </li>
  );
}
