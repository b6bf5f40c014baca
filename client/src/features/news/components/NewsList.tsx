import type { NewsItem } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { localeOf } from '../../../i18n';
import { fullDateTime, relativeTime } from '../../notifications/relative-time';
import { useNews } from '../hooks';
import styles from '../news.module.css';
import { groupNews } from '../news-groups';

/** "Nouveautés": the threads with unread messages in all my groups, by group, the newest first. */
export function NewsList() {
  const { t } = useTranslation();
  const news = useNews();

  if (news.isPending) return <LoadingState />;
  if (news.isError) return <ErrorState error={news.error} onRetry={() => news.refetch()} />;
  if (news.data.items.length === 0)
    return (
      <EmptyState title={t('notifications.news.emptyTitle')} icon="chat" headingLevel={2}>
        <p>{t('notifications.news.emptyText')}</p>
      </EmptyState>
    );

  return (
    <div className={styles.news}>
      {groupNews(news.data.items).map(({ group, unread, threads }) => {
        const headingId = `news-group-${group.id}`;
        return (
          <section key={group.id} className="news-group" aria-labelledby={headingId}>
            <h2 id={headingId} className={styles.newsGroupTitle}>
              <Link href={`/groupes/${group.id}`} className={styles.newsGroupLink}>
                {t(`groupKinds.${group.kind}`, { defaultValue: group.kind })}
                <span className={styles.newsGroupBassin}> · {group.bassinName}</span>
              </Link>
              <span className={styles.newsGroupCount}>
                {t('notifications.news.unread', { count: unread })}
              </span>
            </h2>
            <ul className={styles.newsThreads}>
              {threads.map((thread) => (
                <NewsThread key={thread.id} thread={thread} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function NewsThread({ thread }: { thread: NewsItem }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const when = thread.lastMessageAt ?? thread.createdAt;
  return (
    <li className={styles.newsThread}>
      <Link href={`/discussions/${thread.id}`} className={styles.newsThreadLink}>
        <span className={styles.newsThreadTitle}>{thread.title}</span>
        <span className={styles.newsThreadCount}>
          {t('notifications.news.unread', { count: thread.unreadCount })}
        </span>
      </Link>
      {thread.lastMessageExcerpt && <p className={styles.newsThreadExcerpt}>{thread.lastMessageExcerpt}</p>}
      <p className={styles.newsThreadMeta}>
        {t(`discussions.kind.${thread.kind}`)}
        {' · '}
        <time dateTime={when} title={fullDateTime(when, locale)}>
          {relativeTime(when, locale, t('notifications.justNow'))}
        </time>
      </p>
    </li>
  );
}
