import type { SessionStatus, SessionSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/Badge';
import { formatSessionRange } from '../session-time';

const statusTones: Record<SessionStatus, BadgeTone> = {
  planned: 'info',
  live: 'success',
  done: 'neutral',
  cancelled: 'danger',
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTones[status]}>{t(`sessions.status.${status}`)}</Badge>;
}

/** When: the Brussels date and times, or "date à trouver" while a poll is looking for it. */
export function SessionWhen({ session }: { session: Pick<SessionSummary, 'startsAt' | 'endsAt'> }) {
  const { t, i18n } = useTranslation();
  if (!session.startsAt)
    return <span className="session-when session-when--unknown">{t('sessions.dateToFind')}</span>;
  return (
    <time className="session-when" dateTime={session.startsAt}>
      {formatSessionRange(session.startsAt, session.endsAt, i18n.language)}
    </time>
  );
}

/** Where: the host's name and address, the other address, or the online link. */
export function SessionPlaceText({
  session,
  withLink = false,
}: {
  session: Pick<SessionSummary, 'place' | 'host'>;
  withLink?: boolean;
}) {
  const { t } = useTranslation();
  const { place, host } = session;
  if (place.type === 'address') return <span>{place.address}</span>;
  if (place.type === 'online')
    return withLink ? (
      <a className="link" href={place.url} target="_blank" rel="noreferrer noopener">
        {t('sessions.place.onlineLink')}
      </a>
    ) : (
      <span>{t('sessions.place.online')}</span>
    );
  if (!host) return <span>{t('sessions.place.hostUnknown')}</span>;
  return (
    <span>
      {t('sessions.place.host', { name: host.name })}
      {host.address && <span className="session-place__address">{` — ${host.address}`}</span>}
    </span>
  );
}
