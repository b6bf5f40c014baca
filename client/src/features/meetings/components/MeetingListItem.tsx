import type { MeetingSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import styles from '../meetings.module.css';
import { MeetingPlaceText, MeetingStatusBadge, MeetingWhen } from './MeetingFacts';

/** One meeting in a list: its date first (what people look for), then title, place, host and my answer. */
export function MeetingListItem({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  return (
    <li className={`meeting-item ${styles.item}`}>
      <div className={styles.itemWhen}>
        <MeetingWhen meeting={meeting} />
      </div>
      <div className={styles.itemMain}>
        <Link href={`/rencontres/${meeting.id}`} className={`link ${styles.itemTitle}`}>
          {meeting.title}
        </Link>
        <div className={styles.itemBadges}>
          {meeting.kind === 'thematic' && <Badge tone="accent">{t('meetings.kinds.thematic')}</Badge>}
          {meeting.status !== 'planned' && <MeetingStatusBadge status={meeting.status} />}
        </div>
      </div>
      <p className={`${styles.itemPlace} muted`}>
        <MeetingPlaceText meeting={meeting} />
      </p>
      {meeting.status !== 'cancelled' && meeting.status !== 'done' && (
        <p className={styles.itemAnswer}>
          {meeting.myRsvp
            ? t('meetings.myAnswer', { answer: t(`meetings.answers.${meeting.myRsvp}`) })
            : t('meetings.notAnswered')}
        </p>
      )}
    </li>
  );
}
