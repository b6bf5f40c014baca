import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { useCan } from '../../auth/hooks';
import { useGroupActions } from '../hooks';
import { ActionList } from './ActionList';

/** The group's open follow-up actions, decided in its meetings, until someone marks them done. */
export function GroupActions({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const headingId = useId();
  const actions = useGroupActions(groupId);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('meetings.actions.groupTitle')}
      </h2>
      {actions.isPending ? (
        <LoadingState label={t('meetings.loading')} />
      ) : actions.isError ? (
        <ErrorState error={actions.error} onRetry={() => actions.refetch()} />
      ) : (
        <ActionList actions={actions.data} canUpdate={can('meeting.manage', { groupId })} linkToMeeting />
      )}
    </section>
  );
}
