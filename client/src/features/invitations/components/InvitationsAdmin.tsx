import { type InvitationStatus, invitationStatuses } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { QueryList } from '../../../components/ui/QueryList';
import { SelectField } from '../../../components/ui/SelectField';
import { useBassins } from '../../bassins/hooks';
import { useInvitations } from '../hooks';
import { InvitationTable } from './InvitationTable';
import { InviteDialog } from './InviteDialog';

const ALL = 'all';

/** Administration tab: every invitation, filterable by state, with create and revoke. */
export function InvitationsAdmin() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('pending');
  const [open, setOpen] = useState(false);
  const invitations = useInvitations({ status: status === ALL ? undefined : (status as InvitationStatus) });
  const { data: bassins = [] } = useBassins(false);
  const groupOptions = bassins.flatMap((b) =>
    b.groups.map((g) => ({ id: g.id, label: `${b.name} – ${t(`groupKinds.${g.kind}`)}` })),
  );

  return (
    <div className="stack">
      <div className="toolbar">
        <h2 className="toolbar__title">{t('invitations.title')}</h2>
        <Button variant="primary" onPress={() => setOpen(true)}>
          {t('invitations.invite')}
        </Button>
      </div>
      <div className="filters">
        <SelectField
          label={t('invitations.filterStatus')}
          options={[
            { id: ALL, label: t('invitations.allStatuses') },
            ...invitationStatuses.map((s) => ({ id: s, label: t(`invitations.status.${s}`) })),
          ]}
          value={status}
          onChange={(v) => setStatus(v ?? ALL)}
        />
      </div>
      <QueryList
        query={invitations}
        empty={{ title: t('invitations.emptyTitle'), text: t('invitations.emptyText') }}
      >
        {(items) => <InvitationTable invitations={items} showGroup />}
      </QueryList>
      <InviteDialog isOpen={open} onOpenChange={setOpen} groupOptions={groupOptions} />
    </div>
  );
}
