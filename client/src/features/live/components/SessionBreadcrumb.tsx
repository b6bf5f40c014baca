import type { SessionDetail } from '@affluents/contracts';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** Bassins › group › session › this page. Guests do not see the group's home: plain text for them. */
export function SessionBreadcrumb({ session, page }: { session: SessionDetail; page: string }) {
  const { t } = useTranslation();
  const groupLabel = `${session.group.bassinName} – ${t(`groupKinds.${session.group.kind}`, { defaultValue: session.group.kind })}`;
  return (
    <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link href="/" className="link">
            {t('layout.nav.bassins')}
          </Link>
        </li>
        <li>
          {session.isGuest ? (
            groupLabel
          ) : (
            <Link href={`/groupes/${session.group.id}`} className="link">
              {groupLabel}
            </Link>
          )}
        </li>
        <li>
          <Link href={`/rencontres/${session.id}`} className="link">
            {session.title}
          </Link>
        </li>
        <li aria-current="page">{page}</li>
      </ol>
    </nav>
  );
}
