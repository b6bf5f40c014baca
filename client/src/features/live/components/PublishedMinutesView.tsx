import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { formatDate } from '../../../lib/dates';
import { FicheVersionText } from '../../fiches/components/FicheVersionText';
import { usePublishedMinutes } from '../hooks';
import styles from '../live.module.css';
import { minutesPdfUrl } from '../live-api';
import { LiveAgenda } from './LiveAgenda';
import { ActionList, AttendanceSummary, DecisionList } from './MeetingFacts';

/** The frozen minutes, read-only: the notes as published, the agenda, who came, the decisions and actions, the PDF. */
export function PublishedMinutesView({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation();
  const minutes = usePublishedMinutes(meetingId, true);
  if (minutes.isPending) return <LoadingState />;
  if (minutes.isError) return <ErrorState error={minutes.error} onRetry={() => minutes.refetch()} />;
  const published = minutes.data;
  return (
    <div className={styles.minutes}>
      <div className={styles.minutesHead}>
        <p className={styles.muted}>
          {t('live.minutes.publishedBy', {
            name: published.publishedBy.displayName,
            date: formatDate('dayTime', published.publishedAt, i18n.language),
          })}
        </p>
        <ButtonLink href={minutesPdfUrl(meetingId)} download>
          {t('live.minutes.pdf')}
        </ButtonLink>
      </div>
      <section aria-labelledby="live-minutes-text">
        <h2 id="live-minutes-text" className="panel__title">
          {t('live.minutes.text')}
        </h2>
        <FicheVersionText
          update={published.update}
          label={t('live.minutes.textLabel', { title: published.title })}
        />
      </section>
      <div className={styles.minutesFacts}>
        <LiveAgenda agenda={published.agenda} currentIndex={null} />
        <section className="panel" aria-labelledby="live-minutes-attendance">
          <h2 id="live-minutes-attendance" className="panel__title">
            {t('live.attendance.title')}
          </h2>
          <AttendanceSummary participants={published.attendance} />
        </section>
        <section className="panel" aria-labelledby="live-minutes-decisions">
          <h2 id="live-minutes-decisions" className="panel__title">
            {t('live.capture.decisions')}
          </h2>
          <DecisionList decisions={published.decisions} />
        </section>
        <section className="panel" aria-labelledby="live-minutes-actions">
          <h2 id="live-minutes-actions" className="panel__title">
            {t('live.capture.actions')}
          </h2>
          <ActionList actions={published.actions} />
        </section>
      </div>
    </div>
  );
}
