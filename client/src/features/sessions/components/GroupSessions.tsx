import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { useCan } from '../../auth/hooks';
import { useGroupSessions } from '../hooks';
import '../sessions.css';
import { NewSessionDialog } from './NewSessionDialog';
import { PlanYearDialog } from './PlanYearDialog';
import { SessionListItem } from './SessionListItem';

/** The "Rencontres" section of a group's home: next sessions, past ones folded, and planning for facilitators. */
export function GroupSessions({ groupId, archived = false }: { groupId: string; archived?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const headingId = useId();
  const mayManage = can('session.manage', { groupId }) && !archived;
  const upcoming = useGroupSessions(groupId, 'upcoming');
  const [showPast, setShowPast] = useState(false);
  const past = useGroupSessions(groupId, 'past');
  const [creating, setCreating] = useState(false);
  const [planning, setPlanning] = useState(false);

  let content: ReactNode;
  if (upcoming.isPending) content = <LoadingState label={t('sessions.loading')} />;
  else if (upcoming.isError)
    content = <ErrorState error={upcoming.error} onRetry={() => upcoming.refetch()} />;
  else if (upcoming.data.length === 0)
    content = (
      <EmptyState title={t('sessions.group.emptyTitle')} icon="calendar">
        <p>{t('sessions.group.emptyText')}</p>
        {mayManage && <p>{t('sessions.group.emptyFacilitator')}</p>}
      </EmptyState>
    );
  else
    content = (
      <ul className="session-list" aria-label={t('sessions.group.upcoming')}>
        {upcoming.data.map((session) => (
          <SessionListItem key={session.id} session={session} />
        ))}
      </ul>
    );

  const pastCount = past.data?.length ?? 0;
  return (
    <section className="panel sessions-panel" aria-labelledby={headingId}>
      <div className="toolbar panel__toolbar">
        <h2 id={headingId} className="panel__title toolbar__title">
          {t('sessions.title')}
        </h2>
        {mayManage && (
          <div className="sessions-panel__actions">
            <Button variant="secondary" onPress={() => setPlanning(true)}>
              {t('sessions.group.plan')}
            </Button>
            <Button variant="primary" onPress={() => setCreating(true)}>
              {t('sessions.group.new')}
            </Button>
          </div>
        )}
      </div>
      {content}
      {past.isSuccess && pastCount > 0 && (
        <details
          className="sessions-panel__past"
          open={showPast}
          onToggle={(e) => setShowPast(e.currentTarget.open)}
        >
          <summary>{t('sessions.group.past', { count: pastCount })}</summary>
          <ul className="session-list">
            {past.data.map((session) => (
              <SessionListItem key={session.id} session={session} />
            ))}
          </ul>
        </details>
      )}
      {mayManage && (
        <>
          <NewSessionDialog groupId={groupId} isOpen={creating} onOpenChange={setCreating} />
          <PlanYearDialog groupId={groupId} isOpen={planning} onOpenChange={setPlanning} />
        </>
      )}
    </section>
  );
}
