import type { MeetingDetail } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';

/** Bassins › group › meeting › this page. Guests do not see the group's home: plain text for them. */
export function MeetingBreadcrumb({ meeting, page }: { meeting: MeetingDetail; page: string }) {
  const { t } = useTranslation();
  const groupLabel = `${meeting.group.bassinName} – ${t(`groupKinds.${meeting.group.kind}`, { defaultValue: meeting.group.kind })}`;
  return (
    <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link href="/bassins" className="link">
            {t('layout.nav.bassins')}
          </Link>
        </li>
        <li>
          {meeting.isGuest ? (
            groupLabel
          ) : (
            <Link href={`/groupes/${meeting.group.id}`} className="link">
              {groupLabel}
            </Link>
          )}
        </li>
        <li>
          <Link href={`/rencontres/${meeting.id}`} className="link">
            {meeting.title}
          </Link>
        </li>
        <li aria-current="page">{page}</li>
      </ol>
    </nav>
  );
}
