import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/layout/PageHeader';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { Switch } from '../../../components/ui/Switch';
import { useMyActions } from '../hooks';
import { ActionList } from './ActionList';

/** "Mes actions": the follow-up actions entrusted to me across my groups, with due dates; mark them done. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const [showDone, setShowDone] = useState(false);
  const actions = useMyActions(showDone ? 'all' : 'open');
  return (
    <div className="page">
      <PageHeader title={t('meetings.mine.title')} lede={t('meetings.mine.lede')} />
      <Switch label={t('meetings.mine.showDone')} isSelected={showDone} onChange={setShowDone} />
      <section className="panel">
        {actions.isPending ? (
          <LoadingState />
        ) : actions.isError ? (
          <ErrorState error={actions.error} onRetry={() => actions.refetch()} />
        ) : actions.data.length === 0 ? (
          <EmptyState title={t('meetings.mine.emptyTitle')} icon="calendar">
            <p>{t('meetings.mine.emptyText')}</p>
          </EmptyState>
        ) : (
          <ActionList actions={actions.data} canUpdate linkToMeeting />
        )}
      </section>
    </div>
  );
}
