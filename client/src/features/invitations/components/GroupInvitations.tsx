import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { QueryList } from '../../../components/ui/QueryList';
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
      <QueryList
        query={invitations}
        empty={{ title: t('invitations.noPendingTitle'), text: t('invitations.noPendingText') }}
      >
        {(items) => <InvitationTable invitations={items} showGroup={false} />}
      </QueryList>
      <InviteDialog isOpen={open} onOpenChange={setOpen} groupId={groupId} />
    </section>
  );
}
