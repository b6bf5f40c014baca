import type { SessionDetail } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useDeclineHost, useUpdateSession } from '../hooks';
import { EditSessionDialog } from './EditSessionDialog';

/** Facilitators' tools on a session: edit (move, change place), host declined, cancel (confirmed) or plan again. */
export function ManageSession({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateSession(session.id);
  const decline = useDeclineHost(session.id);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [declining, setDeclining] = useState(false);
  const finished = session.status === 'done' || session.status === 'live';
  if (finished) return null;
  if (session.status === 'cancelled')
    return (
      <div className="session-manage">
        <Button
          isPending={update.isPending}
          onPress={() =>
            update.mutate({ status: 'planned' }, { onError: (e) => notify.error(errorMessage(e)) })
          }
        >
          {t('sessions.page.restore')}
        </Button>
      </div>
    );
  return (
    <div className="session-manage">
      <Button onPress={() => setEditing(true)}>{t('sessions.page.edit')}</Button>
      {session.host && <Button onPress={() => setDeclining(true)}>{t('sessions.page.hostDeclined')}</Button>}
      <Button variant="danger" onPress={() => setCancelling(true)}>
        {t('sessions.page.cancel')}
      </Button>
      <EditSessionDialog session={session} isOpen={editing} onOpenChange={setEditing} />
      <ConfirmDialog
        title={t('sessions.page.cancelTitle')}
        isOpen={cancelling}
        onOpenChange={setCancelling}
        confirmLabel={t('sessions.page.cancelConfirm')}
        isPending={update.isPending}
        error={update.error ? errorMessage(update.error) : null}
        onConfirm={() =>
          update.mutate(
            { status: 'cancelled' },
            {
              onSuccess: () => {
                notify.success(t('sessions.page.cancelled'));
                setCancelling(false);
              },
            },
          )
        }
      >
        <p>{t('sessions.page.cancelText')}</p>
      </ConfirmDialog>
      {session.host && (
        <ConfirmDialog
          title={t('sessions.page.hostDeclinedTitle', { name: session.host.name })}
          isOpen={declining}
          onOpenChange={setDeclining}
          confirmLabel={t('sessions.page.hostDeclinedConfirm')}
          tone="primary"
          isPending={decline.isPending}
          error={decline.error ? errorMessage(decline.error) : null}
          onConfirm={() =>
            session.host &&
            decline.mutate(session.host.id, {
              onSuccess: () => {
                notify.success(t('sessions.page.hostDeclinedDone'));
                setDeclining(false);
              },
            })
          }
        >
          <p>{t('sessions.page.hostDeclinedText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
