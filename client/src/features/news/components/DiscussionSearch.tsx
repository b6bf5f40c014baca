import type { DiscussionSearchHit } from '@affluents/contracts';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { Form } from '../../../components/ui/Form';
import { LoadingState } from '../../../components/ui/LoadingState';
import { Pagination } from '../../../components/ui/Pagination';
import { SearchField } from '../../../components/ui/SearchField';
import { SelectField } from '../../../components/ui/SelectField';
import { formatDate } from '../../../lib/dates';
import { useBassins } from '../../bassins/hooks';
import { useDiscussionSearch } from '../hooks';
import styles from '../news.module.css';
import { readDiscussionSearch, writeDiscussionSearch } from '../search-params';
import { DiscussionSnippet } from './DiscussionSnippet';

const ALL = 'all';
/** The server's page size for discussion search (it returns `total` and `page`, not the size). */
const PAGE_SIZE = 20;

/** My groups with a readable name, for the group filter. */
function useMyGroupOptions() {
  const { t } = useTranslation();
  const { data: bassins = [] } = useBassins(false);
  return bassins.flatMap((bassin) =>
    bassin.groups
      .filter((group) => group.isMember)
      .map((group) => ({ id: group.id, label: `${t(`groupKinds.${group.kind}`)} · ${bassin.name}` })),
  );
}

/** Search in the threads and messages of my groups; the query, group and page live in the address. */
export function DiscussionSearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readDiscussionSearch(params);
  const results = useDiscussionSearch(search);
  const groups = useMyGroupOptions();
  const [input, setInput] = useState(search.q);
  useEffect(() => setInput(search.q), [search.q]);

  const update = (change: Partial<typeof search>) =>
    setParams(writeDiscussionSearch({ ...search, page: 1, ...change }));
  const hrefFor = (page: number) => {
    const query = writeDiscussionSearch({ ...search, page }).toString();
    return query ? `/discussions/recherche?${query}` : '/discussions/recherche';
  };

  let content: ReactNode;
  if (!search.q.trim())
    content = (
      <EmptyState title={t('notifications.search.startTitle')} icon="chat" headingLevel={2}>
        <p>{t('notifications.search.startText')}</p>
      </EmptyState>
    );
  else if (results.isPending) content = <LoadingState label={t('notifications.search.searching')} />;
  else if (results.isError) content = <ErrorState error={results.error} onRetry={() => results.refetch()} />;
  else if (results.data.items.length === 0)
    content = (
      <EmptyState
        title={t('notifications.search.noResultTitle', { q: search.q })}
        icon="chat"
        headingLevel={2}
      >
        <p>{t('notifications.search.noResultText')}</p>
        {search.groupId && (
          <Button variant="secondary" onPress={() => update({ groupId: null })}>
            {t('notifications.search.allGroups')}
          </Button>
        )}
      </EmptyState>
    );
  else
    content = (
      <>
        <h2 className={styles.discussionSearchCount} aria-live="polite">
          {t('notifications.search.count', { count: results.data.total })}
        </h2>
        <ul className={styles.discussionHits} aria-busy={results.isPlaceholderData || undefined}>
          {results.data.items.map((hit) => (
            <SearchHit key={`${hit.thread.id}:${hit.message?.id ?? ''}`} hit={hit} groups={groups} />
          ))}
        </ul>
        <Pagination
          page={search.page}
          pageCount={Math.min(100, Math.ceil(results.data.total / PAGE_SIZE))}
          hrefFor={hrefFor}
        />
      </>
    );

  return (
    <div className={styles.discussionSearch}>
      <Form
        role="search"
        className={styles.discussionSearchForm}
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: input });
        }}
      >
        <SearchField
          className="discussion-search__field"
          label={t('notifications.search.label')}
          description={t('notifications.search.help')}
          value={input}
          onChange={setInput}
          onClear={() => update({ q: '' })}
          maxLength={200}
        />
        <SelectField
          className="discussion-search__group"
          label={t('notifications.search.group')}
          options={[{ id: ALL, label: t('notifications.search.allGroups') }, ...groups]}
          value={search.groupId ?? ALL}
          onChange={(value) => update({ groupId: value === ALL ? null : value })}
        />
        <Button type="submit" variant="primary" className={styles.discussionSearchSubmit}>
          {t('notifications.search.submit')}
        </Button>
      </Form>
      {content}
    </div>
  );
}

function SearchHit({ hit, groups }: { hit: DiscussionSearchHit; groups: { id: string; label: string }[] }) {
  const { t, i18n } = useTranslation();
  const href = hit.message
    ? `/discussions/${hit.thread.id}#m-${hit.message.seq}`
    : `/discussions/${hit.thread.id}`;
  const group = groups.find((g) => g.id === hit.thread.groupId);
  return (
    <li className={`discussion-hit ${styles.discussionHit}`}>
      <Link href={href} className={styles.discussionHitTitle}>
        {hit.thread.title}
      </Link>
      <DiscussionSnippet snippet={hit.snippet} />
      <p className={styles.discussionHitMeta}>
        {t(`discussions.kind.${hit.thread.kind}`)}
        {group && ` · ${group.label}`}
        {hit.message && (
          <>
            {' · '}
            {hit.message.author.displayName}
            {', '}
            <time dateTime={hit.message.createdAt}>
              {formatDate('dayTime', hit.message.createdAt, i18n.language)}
            </time>
          </>
        )}
      </p>
    </li>
  );
}
