import type { MeetingSummary } from '@affluents/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/ui';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { MeetingPlaceText, MeetingStatusBadge, MeetingWhen } from '../meetings/components/MeetingFacts';
import { RsvpChoice } from '../meetings/components/RsvpForm';
import styles from './home.module.css';

/** How many upcoming meetings the home shows; the rest are counted. */
const SHOWN = 5;

/** "Mes prochaines rencontres": when, where, and my answer, given from here. */
export function HomeMeetings({
  meetings,
  guest = false,
}: {
  meetings: UseQueryResult<MeetingSummary[]>;
  guest?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  let content: ReactNode;
  if (meetings.isPending) content = <LoadingState />;
  else if (meetings.isError)
    content = <ErrorState error={meetings.error} onRetry={() => meetings.refetch()} />;
  else if (meetings.data.length === 0)
    content = (
      <EmptyState title={t('home.meetings.emptyTitle')} icon="calendar">
        <p>{guest ? t('home.meetings.guestEmptyText') : t('home.meetings.emptyText')}</p>
      </EmptyState>
    );
  else {
    const rest = meetings.data.length - SHOWN;
    content = (
      <>
        <ul className={styles.list}>
          {meetings.data.slice(0, SHOWN).map((meeting) => (
            <HomeMeetingItem key={meeting.id} meeting={meeting} />
          ))}
        </ul>
        {rest > 0 && <p className={styles.meta}>{t('home.meetings.more', { count: rest })}</p>}
      </>
    );
  }
  return (
    <section className="panel home-meetings" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('home.meetings.title')}
      </h2>
      {content}
    </section>
  );
}

function HomeMeetingItem({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  const titleId = `home-meeting-${meeting.id}`;
  return (
    <li className={`meeting-item home-meeting ${styles.item}`} aria-labelledby={titleId}>
      <p className={styles.when}>
        <MeetingWhen meeting={meeting} />
      </p>
      <h3 id={titleId} className={styles.itemTitle}>
        <Link href={`/rencontres/${meeting.id}`} className="link">
          {meeting.title}
        </Link>{' '}
        {meeting.status !== 'planned' && <MeetingStatusBadge status={meeting.status} />}
      </h3>
      <p className={styles.meta}>
        <MeetingPlaceText meeting={meeting} />
      </p>
      {meeting.datePollId && <p className={styles.notice}>{t('home.meetings.datePollOpen')}</p>}
      {/* While a poll looks for the date, the poll is the question; the answer comes once the date is known. */}
      {meeting.startsAt && meeting.status !== 'cancelled' && (
        <>
          {!meeting.myRsvp && <p className={styles.notAnswered}>{t('meetings.notAnswered')}</p>}
          <div className={styles.rsvp}>
            <RsvpChoice meeting={meeting} label={t('home.meetings.answerFor', { title: meeting.title })} />
          </div>
        </>
      )}
    </li>
  );
}

/** A guest's (or anyone's) last meetings held, each with a link to its published minutes. */
export function HomePastMeetings({ meetings }: { meetings: MeetingSummary[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (meetings.length === 0) return null;
  return (
    <section className="panel home-past-meetings" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('home.past.title')}
      </h2>
      <ul className={styles.list}>
        {meetings.map((meeting) => (
          <li key={meeting.id} className={styles.item}>
            <p className={styles.when}>
              <MeetingWhen meeting={meeting} />
            </p>
            <Link href={`/rencontres/${meeting.id}`} className={`link ${styles.itemTitle}`}>
              {meeting.title}
            </Link>
            {meeting.minutesPublishedAt ? (
              <Link href={`/rencontres/${meeting.id}/proces-verbal`} className="link">
                {t('home.past.minutes')}
              </Link>
            ) : (
              <p className={styles.meta}>{t('home.past.noMinutes')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
