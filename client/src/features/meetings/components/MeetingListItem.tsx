import type { MeetingSummary } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import { MeetingPlaceText, MeetingStatusBadge, MeetingWhen } from './MeetingFacts';

/** One meeting in a list: its date first (what people look for), then title, place, host and my answer. */
export function MeetingListItem({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  return (
    <li className="meeting-item">
      <div className="meeting-item__when">
        <MeetingWhen meeting={meeting} />
      </div>
      <div className="meeting-item__main">
        <Link href={`/rencontres/${meeting.id}`} className="link meeting-item__title">
          {meeting.title}
        </Link>
        <div className="meeting-item__badges">
          {meeting.kind === 'thematic' && <Badge tone="accent">{t('meetings.kinds.thematic')}</Badge>}
          {meeting.status !== 'planned' && <MeetingStatusBadge status={meeting.status} />}
        </div>
      </div>
      <p className="meeting-item__place muted">
        <MeetingPlaceText meeting={meeting} />
      </p>
      {meeting.status !== 'cancelled' && meeting.status !== 'done' && (
        <p className="meeting-item__answer">
          {meeting.myRsvp
            ? t('meetings.myAnswer', { answer: t(`meetings.answers.${meeting.myRsvp}`) })
            : t('meetings.notAnswered')}
        </p>
      )}
    </li>
  );
}
