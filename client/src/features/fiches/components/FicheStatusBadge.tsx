import type { FicheStatus } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/Badge';

const tones: Record<FicheStatus, BadgeTone> = {
  draft: 'neutral',
  review: 'info',
  published: 'success',
  archived: 'warning',
};

/** The badge tone of a status; the status is always spelled out too. */
export function ficheStatusTone(status: FicheStatus): BadgeTone {
  return tones[status];
}

export function FicheStatusBadge({ status }: { status: FicheStatus }) {
  const { t } = useTranslation();
  return <Badge tone={ficheStatusTone(status)}>{t(`fiches.status.${status}`)}</Badge>;
}
