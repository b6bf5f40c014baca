import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { discussionsApi } from '../api/discussions-api';
import threadStyles from '../thread.module.css';

interface ThreadAccessDialogProps {
  threadId: string;
  isOpen: boolean;
  onClose: () => void;
}

const keys = {
  grants: (id: string) => ['discussions', 'access-grants', id] as const,
  former: (id: string) => ['discussions', 'former-participants', id] as const,
};

/**
 * A facilitator decides who outside the group still reads this thread: people who wrote here and left
 * the group keep reading it only when allowed (their messages stay, attributed, either way).
 */
export function ThreadAccessDialog({ threadId, isOpen, onClose }: ThreadAccessDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const grants = useQuery({
    queryKey: keys.grants(threadId),
    queryFn: ({ signal }) => discussionsApi.accessGrants(threadId, signal),
    enabled: isOpen,
  });
  const former = useQuery({
    queryKey: keys.former(threadId),
    queryFn: ({ signal }) => discussionsApi.formerParticipants(threadId, signal),
    enabled: isOpen,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.grants(threadId) }),
      queryClient.invalidateQueries({ queryKey: keys.former(threadId) }),
    ]);
  const grant = useMutation({
    mutationFn: (userId: string) => discussionsApi.grantReading(threadId, userId),
    onSuccess: refresh,
    onError: (error) => notify.error(t('discussions.access.failed'), errorMessage(error)),
  });
  const revoke = useMutation({
    mutationFn: (userId: string) => discussionsApi.revokeAccess(threadId, userId),
    onSuccess: refresh,
    onError: (error) => notify.error(t('discussions.access.failed'), errorMessage(error)),
  });

  return (
    <ModalDialog
      title={t('discussions.access.title')}
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
    >
      <div className="form thread-access">
        <p>{t('discussions.access.help')}</p>
        <h3>{t('discussions.access.granted')}</h3>
        {grants.data?.length ? (
          <ul className={threadStyles.threadAccessList}>
            {grants.data.map((g) => (
              <li key={g.userId}>
                <span>
                  {g.displayName} · {t(`discussions.access.kind.${g.kind}`)}
                </span>
                <Button
                  size="sm"
                  isPending={revoke.isPending && revoke.variables === g.userId}
                  onPress={() => revoke.mutate(g.userId)}
                  aria-label={t('discussions.access.revokeFor', { name: g.displayName })}
                >
                  {t('discussions.access.revoke')}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{grants.isPending ? t('common.loading') : t('discussions.access.noGrant')}</p>
        )}
        <h3>{t('discussions.access.former')}</h3>
        {former.data?.length ? (
          <ul className={threadStyles.threadAccessList}>
            {former.data.map((person) => (
              <li key={person.id}>
                <span>{person.displayName}</span>
                <Button
                  size="sm"
                  isPending={grant.isPending && grant.variables === person.id}
                  onPress={() => grant.mutate(person.id)}
                  aria-label={t('discussions.access.grantFor', { name: person.displayName })}
                >
                  {t('discussions.access.grant')}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{former.isPending ? t('common.loading') : t('discussions.access.noFormer')}</p>
        )}
        <div className="dialog__actions">
          <Button onPress={onClose}>{t('common.close')}</Button>
        </div>
      </div>
    </ModalDialog>
  );
}
