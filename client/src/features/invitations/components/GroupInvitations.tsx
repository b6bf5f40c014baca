import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { useInvitations } from '../hooks';
import { InvitationTable } from './InvitationTable';
import { InviteDialog } from './InviteDialog';

/** On a group's home, for those who may invite: the invite action and the pending invitations. */
export function GroupInvitations({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const invitations = useInvitations({ groupId, status: 'pending' });

  return (
    <section className="panel" aria-labelledby="pending-invitations">
      <div className="toolbar">
        <h2 id="pending-invitations" className="panel__title toolbar__title">
          {t('invitations.pendingTitle')}
        </h2>
        <Button variant="primary" onPress={() => setOpen(true)}>
          {t('invitations.invite')}
        </Button>
      </div>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
      ) : invitations.data.length === 0 ? (
        <EmptyState title={t('invitations.noPendingTitle')}>
          <p>{t('invitations.noPendingText')}</p>
        </EmptyState>
      ) : (
        <InvitationTable invitations={invitations.data} showGroup={false} />
      )}
      <InviteDialog isOpen={open} onOpenChange={setOpen} groupId={groupId} />
    </section>
  );
}
