import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingsApi } from '../api/meetings-api';
import styles from '../meetings.module.css';
import { MeetingListItem } from './MeetingListItem';

/**
 * "Mes prochaines rencontres" on the home page: the meetings of my groups and those I am a guest of.
 * A guest has no group, so this is their way in; nothing is shown when there is nothing planned.
 */
export function MyUpcomingMeetings() {
  const { t } = useTranslation();
  const headingId = useId();
  const meetings = useQuery({
    queryKey: ['meetings', 'mine'],
    queryFn: ({ signal }) => meetingsApi.mine(signal),
  });
  if (!meetings.data?.length) return null;
  return (
    <section className="panel my-meetings" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('meetings.home.title')}
      </h2>
      <ul className={styles.list}>
        {meetings.data.slice(0, 5).map((meeting) => (
          <MeetingListItem key={meeting.id} meeting={meeting} />
        ))}
      </ul>
    </section>
  );
}
