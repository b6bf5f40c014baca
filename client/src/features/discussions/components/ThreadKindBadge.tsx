import type { ThreadSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';

/** The kind of a thread, and for a question whether it is still open. */
export function ThreadKindBadge({ thread }: { thread: Pick<ThreadSummary, 'kind' | 'status'> }) {
  const { t } = useTranslation();
  if (thread.kind === 'question') {
    const solved = thread.status === 'solved';
    return (
      <Badge tone={solved ? 'success' : 'warning'}>
        {t('discussions.kind.question')} ·{' '}
        {solved ? t('discussions.status.solved') : t('discussions.status.open')}
      </Badge>
    );
  }
  return (
    <Badge tone={thread.kind === 'announcement' ? 'info' : 'neutral'}>
      {t(`discussions.kind.${thread.kind}`)}
    </Badge>
  );
}
