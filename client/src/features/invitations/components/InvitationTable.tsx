import type { Invitation } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/ui/Table';
import { notify } from '../../../components/ui/toast';
import { formatDate } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useRevokeInvitation } from '../hooks';

const statusTone: Record<Invitation['status'], BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  revoked: 'neutral',
  expired: 'warning',
};

/** Invitations with their state; pending ones can be revoked after confirmation. */
export function InvitationTable({
  invitations,
  showGroup,
}: {
  invitations: Invitation[];
  showGroup: boolean;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const revoke = useRevokeInvitation();
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);

  return (
    <>
      <div className="table-wrap">
        <Table aria-label={t('invitations.title')}>
          <TableHeader>
            <Column isRowHeader>{t('invitations.columns.email')}</Column>
            {showGroup ? <Column>{t('invitations.columns.group')}</Column> : null}
            <Column>{t('invitations.columns.role')}</Column>
            <Column>{t('invitations.columns.status')}</Column>
            <Column>{t('invitations.columns.invitedBy')}</Column>
            <Column>
              <span className="visually-hidden">{t('common.actions')}</span>
            </Column>
          </TableHeader>
          <TableBody items={invitations} dependencies={[i18n.language]}>
            {(invitation) => (
              <Row id={invitation.id}>
                <Cell>
                  <span className="cell-strong">{invitation.email}</span>
                </Cell>
                {showGroup ? (
                  <Cell>
                    {invitation.group.bassinName} – {t(`groupKinds.${invitation.group.kind}`)}
                  </Cell>
                ) : null}
                <Cell>{t(`roles.${invitation.role}`)}</Cell>
                <Cell>
                  <Badge tone={statusTone[invitation.status]}>
                    {t(`invitations.status.${invitation.status}`)}
                  </Badge>
                  {invitation.status === 'pending' && (
                    <span className="cell-sub">
                      {t('invitations.expires', {
                        date: formatDate('tableDate', invitation.expiresAt, i18n.language),
                      })}
                    </span>
                  )}
                </Cell>
                <Cell>
                  {invitation.invitedBy.displayName}
                  <span className="cell-sub">
                    {formatDate('tableDate', invitation.createdAt, i18n.language)}
                  </span>
                </Cell>
                <Cell>
                  {invitation.status === 'pending' ? (
                    <Button
                      size="sm"
                      variant="danger"
                      onPress={() => {
                        revoke.reset();
                        setToRevoke(invitation);
                      }}
                      aria-label={t('invitations.revokeNamed', { email: invitation.email })}
                    >
                      {t('invitations.revoke')}
                    </Button>
                  ) : null}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      <ConfirmDialog
        title={t('invitations.revokeTitle')}
        isOpen={toRevoke !== null}
        onOpenChange={(open) => !open && setToRevoke(null)}
        confirmLabel={t('invitations.revoke')}
        isPending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={() => {
          if (!toRevoke) return;
          revoke.mutate(toRevoke.id, {
            onSuccess: () => {
              notify.success(t('invitations.revoked', { email: toRevoke.email }));
              setToRevoke(null);
            },
          });
        }}
      >
        <p>{t('invitations.revokeText', { email: toRevoke?.email ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
