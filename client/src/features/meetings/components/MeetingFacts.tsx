import type { MeetingStatus, MeetingSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/Badge';
import { formatMeetingRange } from '../meeting-time';
import styles from '../meetings.module.css';

const statusTones: Record<MeetingStatus, BadgeTone> = {
  planned: 'info',
  live: 'success',
  done: 'neutral',
  cancelled: 'danger',
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTones[status]}>{t(`meetings.status.${status}`)}</Badge>;
}

/** When: the Brussels date and times, or "date à trouver" while a poll is looking for it. */
export function MeetingWhen({ meeting }: { meeting: Pick<MeetingSummary, 'startsAt' | 'endsAt'> }) {
  const { t, i18n } = useTranslation();
  if (!meeting.startsAt)
    return <span className={`meeting-when ${styles.whenUnknown}`}>{t('meetings.dateToFind')}</span>;
  return (
    <time className="meeting-when" dateTime={meeting.startsAt}>
      {formatMeetingRange(meeting.startsAt, meeting.endsAt, i18n.language)}
    </time>
  );
}

/** Where: the host's name and address, the other address, or the online link. */
export function MeetingPlaceText({
  meeting,
  withLink = false,
}: {
  meeting: Pick<MeetingSummary, 'place' | 'host'>;
  withLink?: boolean;
}) {
  const { t } = useTranslation();
  const { place, host } = meeting;
  if (place.type === 'address') return <span>{place.address}</span>;
  if (place.type === 'online')
    return withLink ? (
      <a className="link" href={place.url} target="_blank" rel="noreferrer noopener">
        {t('meetings.place.onlineLink')}
      </a>
    ) : (
      <span>{t('meetings.place.online')}</span>
    );
  if (!host) return <span>{t('meetings.place.hostUnknown')}</span>;
  return (
    <span>
      {t('meetings.place.host', { name: host.name })}
      {host.address && <span className={styles.placeAddress}>{` — ${host.address}`}</span>}
    </span>
  );
}
