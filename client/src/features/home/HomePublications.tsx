import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/ui';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { formatDate } from '../../lib/dates';
import { useFiches } from '../fiches/hooks';
import styles from './home.module.css';

/** "Dernières publications du réseau": the five fiches last published that I may read. */
export function HomePublications() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const fiches = useFiches({ status: 'published', sort: 'date', pageSize: 5 });
  return (
    <section className="panel home-publications" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('home.publications.title')}
      </h2>
      {fiches.isPending ? (
        <LoadingState />
      ) : fiches.isError ? (
        <ErrorState error={fiches.error} onRetry={() => fiches.refetch()} />
      ) : fiches.data.items.length === 0 ? (
        <EmptyState title={t('home.publications.emptyTitle')} icon="sheet">
          <p>{t('home.publications.emptyText')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {fiches.data.items.map((fiche) => (
            <li key={fiche.id} className={styles.item}>
              <Link href={`/fiches/${fiche.id}`} className={`link ${styles.itemTitle}`}>
                {fiche.title}
              </Link>
              <p className={styles.meta}>
                {fiche.group.bassin.name} – {t(`groupKinds.${fiche.group.kind}`)} ·{' '}
                {formatDate('day', fiche.updatedAt, i18n.language)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className={styles.more}>
        <Link href="/boite-a-outils" className="link">
          {t('home.publications.seeAll')}
        </Link>
      </p>
    </section>
  );
}
