import type { MeetingDetail } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useDeclineHost, useUpdateMeeting } from '../hooks';
import styles from '../meetings.module.css';
import { EditMeetingDialog } from './EditMeetingDialog';

/** Facilitators' tools on a meeting: edit (move, change place), host declined, cancel (confirmed) or plan again. */
export function ManageMeeting({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateMeeting(meeting.id);
  const decline = useDeclineHost(meeting.id);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [declining, setDeclining] = useState(false);
  const finished = meeting.status === 'done' || meeting.status === 'live';
  if (finished) return null;
  if (meeting.status === 'cancelled')
    return (
      <div className={styles.manage}>
        <Button
          isPending={update.isPending}
          onPress={() =>
            update.mutate({ status: 'planned' }, { onError: (e) => notify.error(errorMessage(e)) })
          }
        >
          {t('meetings.page.restore')}
        </Button>
      </div>
    );
  return (
    <div className={styles.manage}>
      <Button onPress={() => setEditing(true)}>{t('meetings.page.edit')}</Button>
      {meeting.host && <Button onPress={() => setDeclining(true)}>{t('meetings.page.hostDeclined')}</Button>}
      <Button variant="danger" onPress={() => setCancelling(true)}>
        {t('meetings.page.cancel')}
      </Button>
      <EditMeetingDialog meeting={meeting} isOpen={editing} onOpenChange={setEditing} />
      <ConfirmDialog
        title={t('meetings.page.cancelTitle')}
        isOpen={cancelling}
        onOpenChange={setCancelling}
        confirmLabel={t('meetings.page.cancelConfirm')}
        isPending={update.isPending}
        error={update.error ? errorMessage(update.error) : null}
        onConfirm={() =>
          update.mutate(
            { status: 'cancelled' },
            {
              onSuccess: () => {
                notify.success(t('meetings.page.cancelled'));
                setCancelling(false);
              },
            },
          )
        }
      >
        <p>{t('meetings.page.cancelText')}</p>
      </ConfirmDialog>
      {meeting.host && (
        <ConfirmDialog
          title={t('meetings.page.hostDeclinedTitle', { name: meeting.host.name })}
          isOpen={declining}
          onOpenChange={setDeclining}
          confirmLabel={t('meetings.page.hostDeclinedConfirm')}
          tone="primary"
          isPending={decline.isPending}
          error={decline.error ? errorMessage(decline.error) : null}
          onConfirm={() =>
            meeting.host &&
            decline.mutate(meeting.host.id, {
              onSuccess: () => {
                notify.success(t('meetings.page.hostDeclinedDone'));
                setDeclining(false);
              },
            })
          }
        >
          <p>{t('meetings.page.hostDeclinedText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
