import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import sidePanel from '../../../components/layout/side-panel.module.css';
import { Link } from '../../../components/ui';
import { formatDate } from '../../../lib/dates';
import { useFicheMinutes } from '../hooks';

/** "Cited in the minutes of…": published minutes that link to this fiche (nothing when there are none). */
export function FicheMinutesLinks({ ficheId }: { ficheId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const minutes = useFicheMinutes(ficheId);
  if (!minutes.data?.length) return null;
  return (
    <section className="side-panel__section" aria-labelledby={headingId}>
      <h2 id={headingId} className={sidePanel.title}>
        {t('meetings.ficheMinutes.title')}
      </h2>
      <ul className="plain-list">
        {minutes.data.map((m) => (
          <li key={m.meetingId}>
            <Link href={`/rencontres/${m.meetingId}/proces-verbal`} className="link">
              {m.title}
            </Link>{' '}
            <span className="muted">{formatDate('tableDate', m.publishedAt, i18n.language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
