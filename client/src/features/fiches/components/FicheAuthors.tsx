import type { FicheDetail } from '@affluents/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import sidePanel from '../../../components/layout/side-panel.module.css';
import { initialsOf, userColor } from '../../../lib/user-color';
import pageStyles from './fiche-page.module.css';

/** Everyone who has written in the fiche or changed its information, in order of first contribution. */
export function FicheAuthors({ authors }: { authors: FicheDetail['authors'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="side-panel__section" aria-labelledby={headingId}>
      <h2 id={headingId} className={sidePanel.title}>
        {t('fiches.authors.title')}
      </h2>
      {authors.length === 0 ? (
        <p className="muted">{t('fiches.authors.empty')}</p>
      ) : (
        <ul className={pageStyles.authorList}>
          {authors.map((author) => (
            <li key={author.id} className={pageStyles.authorListItem}>
              <span
                className="avatar avatar--sm"
                style={{ backgroundColor: userColor(author.id) }}
                aria-hidden="true"
              >
                {initialsOf(author.displayName)}
              </span>
              {author.displayName}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
