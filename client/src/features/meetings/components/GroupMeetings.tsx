import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { useCan } from '../../auth/hooks';
import { useGroupMeetings } from '../hooks';
import styles from '../meetings.module.css';
import { MeetingListItem } from './MeetingListItem';
import { NewMeetingDialog } from './NewMeetingDialog';
import { PlanYearDialog } from './PlanYearDialog';

/** The "Rencontres" section of a group's home: next meetings, past ones folded, and planning for facilitators. */
export function GroupMeetings({ groupId, archived = false }: { groupId: string; archived?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const headingId = useId();
  const mayManage = can('meeting.manage', { groupId }) && !archived;
  const upcoming = useGroupMeetings(groupId, 'upcoming');
  const [showPast, setShowPast] = useState(false);
  const past = useGroupMeetings(groupId, 'past');
  const [creating, setCreating] = useState(false);
  const [planning, setPlanning] = useState(false);

  let content: ReactNode;
  if (upcoming.isPending) content = <LoadingState label={t('meetings.loading')} />;
  else if (upcoming.isError)
    content = <ErrorState error={upcoming.error} onRetry={() => upcoming.refetch()} />;
  else if (upcoming.data.length === 0)
    content = (
      <EmptyState title={t('meetings.group.emptyTitle')} icon="calendar">
        <p>{t('meetings.group.emptyText')}</p>
        {mayManage && <p>{t('meetings.group.emptyFacilitator')}</p>}
      </EmptyState>
    );
  else
    content = (
      <ul className={styles.list} aria-label={t('meetings.group.upcoming')}>
        {upcoming.data.map((meeting) => (
          <MeetingListItem key={meeting.id} meeting={meeting} />
        ))}
      </ul>
    );

  const pastCount = past.data?.length ?? 0;
  return (
    <section className="panel meetings-panel" aria-labelledby={headingId}>
      <div className="toolbar panel__toolbar">
        <h2 id={headingId} className="panel__title toolbar__title">
          {t('meetings.title')}
        </h2>
        {mayManage && (
          <div className={styles.panelActions}>
            <Button variant="secondary" onPress={() => setPlanning(true)}>
              {t('meetings.group.plan')}
            </Button>
            <Button variant="primary" onPress={() => setCreating(true)}>
              {t('meetings.group.new')}
            </Button>
          </div>
        )}
      </div>
      {content}
      {past.isSuccess && pastCount > 0 && (
        <details
          className={styles.panelPast}
          open={showPast}
          onToggle={(e) => setShowPast(e.currentTarget.open)}
        >
          <summary>{t('meetings.group.past', { count: pastCount })}</summary>
          <ul className={styles.list}>
            {past.data.map((meeting) => (
              <MeetingListItem key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        </details>
      )}
      {mayManage && (
        <>
          <NewMeetingDialog groupId={groupId} isOpen={creating} onOpenChange={setCreating} />
          <PlanYearDialog groupId={groupId} isOpen={planning} onOpenChange={setPlanning} />
        </>
      )}
    </section>
  );
}
