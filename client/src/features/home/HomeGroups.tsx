import type { BassinSummary } from '@affluents/contracts';
import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/ui';
import { Badge } from '../../components/ui/Badge';
import { EmptyState } from '../../components/ui/EmptyState';
import { MyGroupItem } from '../bassins/components/MyGroups';
import { discussionsApi } from '../discussions/api/discussions-api';
import { discussionKeys } from '../discussions/hooks';
import styles from './home.module.css';

/** "Mes groupes": each of my groups with its unread messages (the group page's own thread list, shared in cache). */
export function HomeGroups({
  bassins,
  isCoordination,
}: {
  bassins: BassinSummary[];
  isCoordination: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const mine = bassins.flatMap((bassin) =>
    bassin.groups.filter((g) => g.isMember).map((group) => ({ group, bassinName: bassin.name })),
  );
  const threads = useQueries({
    queries: mine.map(({ group }) => ({
      queryKey: discussionKeys.threads(group.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => discussionsApi.listThreads(group.id, signal),
    })),
  });

  return (
    <section aria-labelledby={headingId} className="panel home-groups">
      <h2 id={headingId} className="panel__title">
        {t('home.groups.title')}
      </h2>
      {mine.length === 0 ? (
        <EmptyState title={t('bassins.noGroupTitle')} icon="mail">
          <p>{isCoordination ? t('bassins.noGroupCoordination') : t('bassins.noGroupText')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {mine.map(({ group, bassinName }, i) => {
            const unread = threads[i]?.data?.groupUnread;
            return (
              <MyGroupItem key={group.id} group={group} bassinName={bassinName} className="home-group">
                {unread === undefined ? null : unread > 0 ? (
                  <Badge tone="accent">{t('home.groups.unread', { count: unread })}</Badge>
                ) : (
                  <span className={styles.meta}>{t('home.groups.allRead')}</span>
                )}
              </MyGroupItem>
            );
          })}
        </ul>
      )}
      <p className={styles.more}>
        <Link href="/bassins" className="link">
          {t('home.groups.allBassins')}
        </Link>
      </p>
    </section>
  );
}
