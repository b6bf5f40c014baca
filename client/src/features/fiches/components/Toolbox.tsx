import {
  groupKinds,
  organisationKinds,
  suggestedPublics,
  suggestedSectors,
  suggestedThemes,
} from '@affluents/contracts';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { ComboBoxField } from '../../../components/ui/ComboBoxField';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { Form } from '../../../components/ui/Form';
import { LoadingState } from '../../../components/ui/LoadingState';
import { Pagination } from '../../../components/ui/Pagination';
import { SearchField } from '../../../components/ui/SearchField';
import { SelectField, type SelectOption } from '../../../components/ui/SelectField';
import { useBassins } from '../../bassins/hooks';
import { BookletPdfDownload } from '../../exports/PdfDownloads';
import { useFicheSearch } from '../hooks';
import {
  isSearching,
  readToolboxSearch,
  type ToolboxSearch,
  toFicheQuery,
  toolboxFilters,
  writeToolboxSearch,
} from '../toolbox-params';
import listStyles from './fiche-list.module.css';
import { SearchHitCard } from './SearchHitCard';
import styles from './toolbox.module.css';

const ALL = 'all';
const FIRST_YEAR = 2015;

/** The suggested values, with the one in the address too when it is a free value. */
function tagOptions(values: readonly string[], current: string | null): SelectOption[] {
  const all = current && !values.includes(current) ? [current, ...values] : values;
  return all.map((v) => ({ id: v, label: v }));
}

/**
 * The toolbox: a full-text search over the published fiches (and the drafts of my groups), with filters, sort
 * and pages, all kept in the address. Before any search it lists the latest publications.
 */
export function Toolbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readToolboxSearch(params);
  const searching = isSearching(search);
  const results = useFicheSearch(toFicheQuery(search));
  const { data: bassins = [] } = useBassins(false);
  const [input, setInput] = useState(search.q);
  const [filtersOpen, setFiltersOpen] = useState(
    () =>
      toolboxFilters.some((key) => search[key] !== null) ||
      !!window.matchMedia?.('(min-width: 48rem)').matches,
  );
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const resultsHeadingId = useId();

  // The address is the truth: going back in history brings its query back into the field.
  useEffect(() => setInput(search.q), [search.q]);

  // A new page of results: bring the reader to its top, as a page load would.
  const firstPage = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page only
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    resultsHeading.current?.focus();
  }, [search.page]);

  /** Any change of the search starts again from its first page. */
  const update = (change: Partial<ToolboxSearch>) =>
    setParams(writeToolboxSearch({ ...search, page: 1, ...change }));
  const hrefFor = (page: number) => {
    const query = writeToolboxSearch({ ...search, page }).toString();
    return query ? `/boite-a-outils?${query}` : '/boite-a-outils';
  };
  const activeFilters = toolboxFilters.filter((key) => search[key] !== null).length;
  const clearFilters = () =>
    update({
      bassinId: null,
      groupKind: null,
      organisationKind: null,
      sector: null,
      public: null,
      theme: null,
      year: null,
    });

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 2 }, (_, i) => String(thisYear + 1 - i));
  const select = (value: string | null) => (value === null || value === ALL ? null : value);

  let content: ReactNode;
  if (results.isPending) content = <LoadingState label={t('toolbox.results.searching')} />;
  else if (results.isError) content = <ErrorState error={results.error} onRetry={() => results.refetch()} />;
  else if (results.data.items.length === 0 && results.data.total > 0)
    content = (
      <EmptyState title={t('toolbox.empty.pageGoneTitle')} icon="sheet">
        <p>{t('toolbox.empty.pageGoneText')}</p>
        <ButtonLink href={hrefFor(1)}>{t('toolbox.empty.firstPage')}</ButtonLink>
      </EmptyState>
    );
  else if (results.data.items.length === 0 && !searching)
    content = (
      <EmptyState title={t('toolbox.empty.noneTitle')} icon="sheet">
        <p>{t('toolbox.empty.noneText')}</p>
      </EmptyState>
    );
  else if (results.data.items.length === 0)
    content = (
      <EmptyState
        title={search.q ? t('toolbox.empty.titleFor', { q: search.q }) : t('toolbox.empty.title')}
        icon="sheet"
        action={
          activeFilters > 0 && (
            <Button onPress={clearFilters} variant="secondary">
              {t('toolbox.filters.clear')}
            </Button>
          )
        }
      >
        <p>{t('toolbox.empty.intro')}</p>
        <ul className={styles.tips}>
          {search.q && <li>{t('toolbox.empty.spelling')}</li>}
          {search.q && <li>{t('toolbox.empty.acronym')}</li>}
          {activeFilters > 0 && <li>{t('toolbox.empty.filters')}</li>}
          <li>{t('toolbox.empty.scope')}</li>
        </ul>
      </EmptyState>
    );
  else {
    const pages = Math.ceil(results.data.total / results.data.pageSize);
    content = (
      <>
        <ul className={listStyles.list} aria-busy={results.isPlaceholderData || undefined}>
          {results.data.items.map((hit) => (
            <SearchHitCard key={hit.id} hit={hit} />
          ))}
        </ul>
        <Pagination page={search.page} pageCount={pages} hrefFor={hrefFor} />
      </>
    );
  }

  const total = results.data?.total ?? 0;
  const pages = results.data ? Math.max(1, Math.ceil(total / results.data.pageSize)) : 1;
  return (
    <div className={styles.toolbox}>
      <Form
        role="search"
        className={styles.search}
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: input });
        }}
      >
        <SearchField
          className={styles.searchField}
          label={t('toolbox.search.label')}
          description={t('toolbox.search.help')}
          value={input}
          onChange={setInput}
          onClear={() => update({ q: '' })}
        />
        <Button type="submit" variant="primary" className={styles.submit}>
          {t('toolbox.search.submit')}
        </Button>
      </Form>

      <details
        className={styles.filters}
        open={filtersOpen}
        onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
      >
        <summary className={styles.filtersSummary}>
          {t('toolbox.filters.title')}
          {activeFilters > 0 && (
            <span className={styles.filtersCount}>
              {' '}
              · {t('toolbox.filters.active', { count: activeFilters })}
            </span>
          )}
        </summary>
        <div className={`filters ${styles.filtersGrid}`}>
          <SelectField
            label={t('toolbox.filters.bassin')}
            options={[
              { id: ALL, label: t('toolbox.filters.allBassins') },
              ...bassins.map((b) => ({ id: b.id, label: b.name })),
            ]}
            value={search.bassinId ?? ALL}
            onChange={(v) => update({ bassinId: select(v) })}
          />
          <SelectField
            label={t('toolbox.filters.groupKind')}
            options={[
              { id: ALL, label: t('toolbox.filters.allGroupKinds') },
              ...groupKinds.map((k) => ({ id: k, label: t(`groupKinds.${k}`) })),
            ]}
            value={search.groupKind ?? ALL}
            onChange={(v) => update({ groupKind: select(v) as ToolboxSearch['groupKind'] })}
          />
          <SelectField
            label={t('toolbox.filters.organisationKind')}
            options={[
              { id: ALL, label: t('toolbox.filters.allOrganisationKinds') },
              ...organisationKinds.map((k) => ({ id: k, label: t(`organisationKinds.${k}.short`) })),
            ]}
            value={search.organisationKind ?? ALL}
            onChange={(v) => update({ organisationKind: select(v) as ToolboxSearch['organisationKind'] })}
          />
          <ComboBoxField
            label={t('toolbox.filters.sector')}
            options={tagOptions(suggestedSectors, search.sector)}
            value={search.sector}
            onChange={(v) => update({ sector: v })}
            placeholder={t('toolbox.filters.anyValue')}
          />
          <ComboBoxField
            label={t('toolbox.filters.public')}
            options={tagOptions(suggestedPublics, search.public)}
            value={search.public}
            onChange={(v) => update({ public: v })}
            placeholder={t('toolbox.filters.anyValue')}
          />
          <ComboBoxField
            label={t('toolbox.filters.theme')}
            options={tagOptions(suggestedThemes, search.theme)}
            value={search.theme}
            onChange={(v) => update({ theme: v })}
            placeholder={t('toolbox.filters.anyValue')}
          />
          <SelectField
            label={t('toolbox.filters.year')}
            options={[
              { id: ALL, label: t('toolbox.filters.allYears') },
              ...years.map((y) => ({ id: y, label: y })),
            ]}
            value={search.year === null ? ALL : String(search.year)}
            onChange={(v) => {
              const year = select(v);
              update({ year: year === null ? null : Number(year) });
            }}
          />
        </div>
        {activeFilters > 0 && (
          <Button size="sm" variant="ghost" onPress={clearFilters} className={styles.clear}>
            {t('toolbox.filters.clear')}
          </Button>
        )}
      </details>

      <section className={styles.results} aria-labelledby={resultsHeadingId}>
        <div className={styles.resultsBar}>
          <div>
            <h2 id={resultsHeadingId} ref={resultsHeading} tabIndex={-1} className={styles.resultsTitle}>
              {searching ? t('toolbox.results.title') : t('toolbox.results.latestTitle')}
            </h2>
            <p className={styles.count} role="status">
              {results.data &&
                (search.q
                  ? t('toolbox.results.countFor', { count: total, q: search.q })
                  : searching
                    ? t('toolbox.results.count', { count: total })
                    : t('toolbox.results.latestCount', { count: total }))}
              {results.data && pages > 1 && ` · ${t('toolbox.results.pageOf', { page: search.page, pages })}`}
              {results.isPlaceholderData && (
                <span className={styles.updating}>
                  <span className="spinner" aria-hidden="true" /> {t('toolbox.results.updating')}
                </span>
              )}
            </p>
          </div>
          {results.data && total > 0 && <BookletPdfDownload query={toFicheQuery(search)} />}
          {search.q && (
            <SelectField
              className={styles.sort}
              label={t('toolbox.sort.label')}
              options={[
                { id: 'relevance', label: t('toolbox.sort.relevance') },
                { id: 'date', label: t('toolbox.sort.date') },
              ]}
              value={search.sort}
              onChange={(v) => update({ sort: v === 'date' ? 'date' : 'relevance' })}
            />
          )}
        </div>
        {content}
      </section>
    </div>
  );
}
