import type { FicheSearchHit } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import { FicheStatusBadge } from './FicheStatusBadge';
import { SearchSnippet } from './SearchSnippet';
import './fiche-list.css';
import './toolbox.css';

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
    <li className="fiche-card search-hit">
      <div className="fiche-card__head">
        <h3 className="search-hit__title">
          <Link href={`/fiches/${hit.id}`} className="fiche-card__title">
            {hit.title}
          </Link>
        </h3>
        <span className="search-hit__badges">
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
      <p className="fiche-card__meta">{meta.join(' · ')}</p>
      {hit.status === 'published' && hit.reach && (
        <p className="fiche-card__meta">
          {t('toolbox.hit.publishedFor', { reach: t(`fiches.reach.${hit.reach}`) })}
        </p>
      )}
      <SearchSnippet parts={hit.snippet} />
      {tags.length > 0 && (
        <ul className="search-hit__tags" aria-label={t('toolbox.hit.tags')}>
          {tags.map((tag) => (
            <li key={tag} className="chip">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
