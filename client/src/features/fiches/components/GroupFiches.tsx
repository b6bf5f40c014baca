import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { formatDate } from '../../../lib/dates';
import cardLink from '../../../styles/card-link.module.css';
import { useCan } from '../../auth/hooks';
import { useFiches } from '../hooks';
import { FicheStatusBadge } from './FicheStatusBadge';
import listStyles from './fiche-list.module.css';
import { NewFicheDialog } from './NewFicheDialog';

/** The fiches actions of a group, most recently changed first, and for its members a way to start one. */
export function GroupFiches({ groupId, archived = false }: { groupId: string; archived?: boolean }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  // The group's fiches, newest change first; a group writes a few dozen at most.
  const fiches = useFiches({ groupId, sort: 'date', pageSize: 50 });
  const [creating, setCreating] = useState(false);
  const headingId = useId();
  const mayCreate = can('fiche.create', { groupId }) && !archived;

  const newButton = mayCreate && (
    <Button variant="primary" onPress={() => setCreating(true)}>
      {t('fiches.list.new')}
    </Button>
  );

  let content: ReactNode;
  if (fiches.isPending) content = <LoadingState />;
  else if (fiches.isError) content = <ErrorState error={fiches.error} onRetry={() => fiches.refetch()} />;
  else if (fiches.data.items.length === 0)
    content = (
      <EmptyState title={t('fiches.list.emptyTitle')} icon="sheet">
        <p>{mayCreate ? t('fiches.list.emptyText') : t('fiches.list.emptyReadOnly')}</p>
      </EmptyState>
    );
  else
    content = (
      <ul className={listStyles.list}>
        {fiches.data.items.map((fiche) => (
          <li key={fiche.id} className={`fiche-card ${listStyles.card}`}>
            <div className={listStyles.cardHead}>
              <Link href={`/fiches/${fiche.id}`} className={`${cardLink.cardLink} ${listStyles.cardTitle}`}>
                {fiche.title}
              </Link>
              <FicheStatusBadge status={fiche.status} />
            </div>
            <p className={listStyles.cardMeta}>
              {fiche.organisations.length > 0
                ? fiche.organisations.map((o) => o.name).join(', ')
                : t('fiches.list.noOrganisation')}
            </p>
            <p className={listStyles.cardMeta}>
              {t('fiches.list.updated', {
                date: formatDate('tableDate', fiche.updatedAt, i18n.language),
              })}
            </p>
          </li>
        ))}
      </ul>
    );

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="toolbar panel__toolbar">
        <h2 id={headingId} className="panel__title toolbar__title">
          {t('fiches.list.title')}
          {fiches.data && fiches.data.total > 0 && <span className="count"> ({fiches.data.total})</span>}
        </h2>
        {newButton}
      </div>
      {content}
      {mayCreate && <NewFicheDialog groupId={groupId} isOpen={creating} onOpenChange={setCreating} />}
    </section>
  );
}
