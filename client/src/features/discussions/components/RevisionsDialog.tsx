import type { Message } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../components/ui/Dialog';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { formatDate } from '../../../lib/dates';
import composerStyles from '../composer.module.css';
import { useRevisions } from '../hooks';

/** The earlier versions of an edited message, newest first. */
export function RevisionsDialog({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const revisions = useRevisions(message?.id ?? null);
  return (
    <ModalDialog
      title={t('discussions.revisions.title')}
      isOpen={!!message}
      onOpenChange={(open) => !open && onClose()}
      isDismissable
    >
      {revisions.isPending ? (
        <LoadingState />
      ) : revisions.isError ? (
        <ErrorState error={revisions.error} onRetry={() => revisions.refetch()} />
      ) : (
        <ol className={composerStyles.revisionList}>
          {revisions.data.map((revision) => (
            <li key={revision.editedAt} className="revision">
              <p className="muted">{formatDate('dayTime', revision.editedAt, i18n.language)}</p>
              <p className={composerStyles.revisionBody}>{revision.body}</p>
            </li>
          ))}
        </ol>
      )}
    </ModalDialog>
  );
}
