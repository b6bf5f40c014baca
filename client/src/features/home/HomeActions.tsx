import type { FollowUpAction } from '@affluents/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/ui';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { ActionList } from '../meetings/components/ActionList';
import { useMyActions } from '../meetings/hooks';
import styles from './home.module.css';

const SHOWN = 5;

/** Soonest due first; actions without a due date last. */
const byDue = (a: FollowUpAction, b: FollowUpAction) =>
  (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31');

/** "Mes actions à faire": my open follow-up actions, soonest due first, marked done from here. */
export function HomeActions() {
  const { t } = useTranslation();
  const headingId = useId();
  const actions = useMyActions('open');
  return (
    <section className="panel home-actions" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('home.actions.title')}
        {actions.data && actions.data.length > 0 && <span className="count"> ({actions.data.length})</span>}
      </h2>
      {actions.isPending ? (
        <LoadingState />
      ) : actions.isError ? (
        <ErrorState error={actions.error} onRetry={() => actions.refetch()} />
      ) : actions.data.length === 0 ? (
        <EmptyState title={t('home.actions.emptyTitle')} icon="calendar">
          <p>{t('home.actions.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <ActionList actions={[...actions.data].sort(byDue).slice(0, SHOWN)} canUpdate linkToMeeting />
          <p className={styles.more}>
            <Link href="/actions" className="link">
              {t('home.actions.seeAll')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
