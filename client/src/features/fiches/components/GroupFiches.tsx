import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { Pagination } from '../../../components/ui/Pagination';
import { formatDate } from '../../../lib/dates';
import cardLink from '../../../styles/card-link.module.css';
import { useCan } from '../../auth/hooks';
import { useFiches } from '../hooks';
import { FicheStatusBadge } from './FicheStatusBadge';
import listStyles from './fiche-list.module.css';
import { NewFicheDialog } from './NewFicheDialog';

/** How many fiches the overview of a group shows, and a page of the Fiches tab. */
export const FICHES_SUMMARY_SIZE = 5;
const FICHES_PAGE_SIZE = 20;

interface GroupFichesProps {
  groupId: string;
  archived?: boolean;
  /** With it, the most recent fiches only and a link to all of them (the group's overview). */
  seeAllHref?: string;
  /** Without `seeAllHref`: the page shown, and the address of each page. */
  page?: number;
  hrefFor?: (page: number) => string;
}

/** The fiches of a group, most recently changed first, and for its members a way to start one. */
export function GroupFiches({ groupId, archived = false, seeAllHref, page = 1, hrefFor }: GroupFichesProps) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const fiches = useFiches(
    seeAllHref
      ? { groupId, sort: 'date', pageSize: FICHES_SUMMARY_SIZE }
      : { groupId, sort: 'date', pageSize: FICHES_PAGE_SIZE, page },
  );
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
  const pageCount = fiches.data ? Math.ceil(fiches.data.total / FICHES_PAGE_SIZE) : 0;

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
      {seeAllHref && fiches.data && fiches.data.total > fiches.data.items.length && (
        <p className="see-all">
          <Link href={seeAllHref} className="link">
            {t('group.seeAll.fiches', { count: fiches.data.total })}
          </Link>
        </p>
      )}
      {!seeAllHref && hrefFor && (
        <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} label={t('group.fichePages')} />
      )}
      {mayCreate && <NewFicheDialog groupId={groupId} isOpen={creating} onOpenChange={setCreating} />}
    </section>
  );
}
