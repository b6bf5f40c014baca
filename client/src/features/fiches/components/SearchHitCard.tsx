import type { FicheSearchHit } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import cardLink from '../../../styles/card-link.module.css';
import { FicheStatusBadge } from './FicheStatusBadge';
import listStyles from './fiche-list.module.css';
import { SearchSnippet } from './SearchSnippet';

/** One toolbox result: its title (the link), where it comes from, which text matched and its keywords. */
export function SearchHitCard({ hit }: { hit: FicheSearchHit }) {
  const { t } = useTranslation();
  const mine = hit.matchedVersion === 'draft';
  const tags = [...new Set([...hit.sectors, ...hit.publics, ...hit.themes])];
  const meta = [
    hit.group.bassin.name,
    t(`groupKinds.${hit.group.kind}`),
    ...(hit.organisations.length > 0 ? [hit.organisations.map((o) => o.name).join(', ')] : []),
    ...(hit.year ? [t('toolbox.hit.year', { year: hit.year })] : []),
  ];
  return (
    <li className={`fiche-card ${listStyles.card} search-hit ${listStyles.searchHit}`}>
      <div className={listStyles.cardHead}>
        <h3 className={listStyles.searchHitTitle}>
          <Link href={`/fiches/${hit.id}`} className={`${cardLink.cardLink} ${listStyles.cardTitle}`}>
            {hit.title}
          </Link>
        </h3>
        <span className={listStyles.searchHitBadges}>
          {mine && hit.status === 'draft' ? (
            <Badge tone="accent">{t('toolbox.hit.myDraft')}</Badge>
          ) : (
            <>
              <FicheStatusBadge status={hit.status} />
              {mine && <Badge tone="accent">{t('toolbox.hit.myGroupLive')}</Badge>}
            </>
          )}
        </span>
      </div>
      <p className={listStyles.cardMeta}>{meta.join(' · ')}</p>
      {hit.status === 'published' && hit.reach && (
        <p className={listStyles.cardMeta}>
          {t('toolbox.hit.publishedFor', { reach: t(`fiches.reach.${hit.reach}`) })}
        </p>
      )}
      <SearchSnippet parts={hit.snippet} />
      {tags.length > 0 && (
        <ul className={listStyles.searchHitTags} aria-label={t('toolbox.hit.tags')}>
          {tags.map((tag) => (
            <li key={tag} className={listStyles.chip}>
              {tag}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
