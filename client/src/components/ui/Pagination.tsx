import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import styles from './Pagination.module.css';

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The address of a page, so that each page is a real link (opened in a new tab, shared, bookmarked). */
  hrefFor: (page: number) => string;
  label?: string;
}

/** The pages to show: the first, the last, and the current one with its neighbours; `null` is a gap. */
export function pageWindow(page: number, pageCount: number): Array<number | null> {
  const pages = new Set([1, pageCount, page - 1, page, page + 1]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const result: Array<number | null> = [];
  for (const p of sorted) {
    const last = result[result.length - 1];
    if (typeof last === 'number' && p - last === 2) result.push(last + 1);
    else if (typeof last === 'number' && p - last > 2) result.push(null);
    result.push(p);
  }
  return result;
}

/** Previous and next links with the page numbers between them; the current page is marked for everyone. */
export function Pagination({ page, pageCount, hrefFor, label }: PaginationProps) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label ?? t('common.pagination.label')}>
      <ul className={styles.list}>
        <li>
          {page > 1 ? (
            <Link className={styles.link} href={hrefFor(page - 1)}>
              <span aria-hidden="true">‹ </span>
              {t('common.pagination.previous')}
            </Link>
          ) : (
            <span className={`${styles.link} ${styles.disabled}`} aria-hidden="true">
              ‹ {t('common.pagination.previous')}
            </span>
          )}
        </li>
        {pageWindow(page, pageCount).map((p, index) =>
          p === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity of its own
            <li key={`gap-${index}`} className={styles.gap} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span className={`${styles.link} ${styles.current}`} aria-current="page">
                  <span className="visually-hidden">{t('common.pagination.page')} </span>
                  {p}
                </span>
              ) : (
                <Link className={styles.link} href={hrefFor(p)}>
                  <span className="visually-hidden">{t('common.pagination.page')} </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link className={styles.link} href={hrefFor(page + 1)}>
              {t('common.pagination.next')}
              <span aria-hidden="true"> ›</span>
            </Link>
          ) : (
            <span className={`${styles.link} ${styles.disabled}`} aria-hidden="true">
              {t('common.pagination.next')} ›
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
