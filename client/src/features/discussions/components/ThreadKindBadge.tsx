import type { ThreadSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';

/**
 * The kind of a thread, and for a problématique whether it is still open. `statusOnly` where every thread
 * listed is of that kind already (a fiche's questions to its authors): only whether it is answered.
 */
export function ThreadKindBadge({
  thread,
  statusOnly = false,
}: {
  thread: Pick<ThreadSummary, 'kind' | 'status'>;
  statusOnly?: boolean;
}) {
  const { t } = useTranslation();
  if (thread.kind === 'question') {
    const solved = thread.status === 'solved';
    const status = solved ? t('discussions.status.solved') : t('discussions.status.open');
    return (
      <Badge tone={solved ? 'success' : 'warning'}>
        {statusOnly
          ? t(solved ? 'discussions.statusAlone.solved' : 'discussions.statusAlone.open')
          : `${t('discussions.kind.question')} · ${status}`}
      </Badge>
    );
  }
  return (
    <Badge tone={thread.kind === 'announcement' ? 'info' : 'neutral'}>
      {t(`discussions.kind.${thread.kind}`)}
    </Badge>
  );
}
