import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/layout/PageHeader';
import { EmptyState } from '../components/ui/EmptyState';
import { ErrorState } from '../components/ui/ErrorState';
import { Icon } from '../components/ui/Icon';
import { LoadingState } from '../components/ui/LoadingState';
import { useCan, useCurrentUser } from '../features/auth/hooks';
import { BassinList } from '../features/bassins/components/BassinList';
import styles from '../features/bassins/components/bassins.module.css';
import { MyGroups } from '../features/bassins/components/MyGroups';
import { useBassins } from '../features/bassins/hooks';

export function BassinsPage() {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const can = useCan();
  const bassins = useBassins(false);
  const firstName = user?.displayName.split(' ')[0] ?? '';

  return (
    <div className="page">
      <PageHeader
        title={t('bassins.title')}
        documentTitle={t('bassins.title')}
        eyebrow={t('bassins.hello', { name: firstName })}
        lede={t('bassins.lede')}
      />
      {bassins.isPending ? (
        <LoadingState />
      ) : bassins.isError ? (
        <ErrorState error={bassins.error} onRetry={() => bassins.refetch()} />
      ) : (
        <>
          <MyGroups bassins={bassins.data} isCoordination={can('bassin.manage') || can('user.list')} />
          <section aria-labelledby="all-bassins-title" className={styles.allBassins}>
            <h2 id="all-bassins-title">
              {t('bassins.allTitle')} <span className="count">({bassins.data.length})</span>
            </h2>
            {bassins.data.length === 0 ? (
              <EmptyState title={t('bassins.emptyTitle')}>
                <p>{can('bassin.manage') ? t('bassins.emptyAdmin') : t('bassins.emptyText')}</p>
              </EmptyState>
            ) : (
              <>
                {bassins.data.some((b) => b.groups.some((g) => !can('group.view', { groupId: g.id }))) && (
                  <p className={styles.bassinsNote}>
                    <Icon name="lock" className={styles.bassinsNoteIcon} />
                    <span>{t('bassins.lockedNote')}</span>
                  </p>
                )}
                <BassinList
                  bassins={bassins.data}
                  canOpenGroup={(groupId) => can('group.view', { groupId })}
                />
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
