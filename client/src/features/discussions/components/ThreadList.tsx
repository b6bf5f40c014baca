import type { ThreadSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { formatWhen } from '../format';
import listStyles from '../thread-list.module.css';
import { ThreadKindBadge } from './ThreadKindBadge';

/** Pinned threads first, then the most recently active. */
export function sortThreads(threads: readonly ThreadSummary[]): ThreadSummary[] {
  const activity = (t: ThreadSummary) => t.lastMessageAt ?? t.createdAt;
  return [...threads].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || activity(b).localeCompare(activity(a)),
  );
}

/** A group's threads: title, kind, state, unread count, last message. */
export function ThreadList({ threads }: { threads: readonly ThreadSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className={listStyles.threadList}>
      {sortThreads(threads).map((thread) => {
        const unread = thread.unreadCount > 0;
        return (
          <li
            key={thread.id}
            className={`thread-row ${listStyles.threadRow}${unread ? ` ${listStyles.threadRowUnread}` : ''}`}
          >
            <div className={listStyles.threadRowHead}>
              <Link href={`/discussions/${thread.id}`} className={listStyles.threadRowTitle}>
                {thread.pinned && <span className="visually-hidden">{t('discussions.pinned')} : </span>}
                {thread.pinned && (
                  <span aria-hidden="true" className="thread-row__pin">
                    📌{' '}
                  </span>
                )}
                {thread.title}
              </Link>
              {unread && (
                <span
                  className={`unread-badge ${listStyles.unreadBadge}`}
                  role="img"
                  aria-label={t('discussions.unread', { count: thread.unreadCount })}
                >
                  {thread.unreadCount}
                </span>
              )}
            </div>
            <div className={listStyles.threadRowMeta}>
              <ThreadKindBadge thread={thread} />
              {thread.locked && <span className="muted">{t('discussions.locked')}</span>}
              {thread.lastMessageAt && (
                <time className="muted" dateTime={thread.lastMessageAt}>
                  {formatWhen(thread.lastMessageAt, i18n.language)}
                </time>
              )}
            </div>
            {thread.lastMessageExcerpt && (
              <p className={listStyles.threadRowExcerpt}>{thread.lastMessageExcerpt}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
