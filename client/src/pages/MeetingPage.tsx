import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { Link } from '../components/ui';
import { Badge } from '../components/ui/Badge';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { MeetingFilesPanel } from '../features/files/MeetingFilesPanel';
import { meetingIcsUrl } from '../features/meetings/api/meetings-api';
import { ActionList } from '../features/meetings/components/ActionList';
import { AgendaEditor } from '../features/meetings/components/AgendaEditor';
import { DatePollPanel } from '../features/meetings/components/DatePollPanel';
import { GuestsPanel } from '../features/meetings/components/GuestsPanel';
import { ManageMeeting } from '../features/meetings/components/ManageMeeting';
import {
  MeetingPlaceText,
  MeetingStatusBadge,
  MeetingWhen,
} from '../features/meetings/components/MeetingFacts';
import { ParticipantsPanel } from '../features/meetings/components/ParticipantsPanel';
import { RsvpForm } from '../features/meetings/components/RsvpForm';
import { useMeeting, useMeetingLiveUpdates } from '../features/meetings/hooks';
import styles from '../features/meetings/meetings.module.css';
import { isApiError } from '../lib/api-client';

/** A meeting: when, where, who; my answer; the agenda edited live; actions; links to live mode and minutes. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const query = useMeeting(meetingId);
  useMeetingLiveUpdates(meetingId);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (
      isApiError(query.error, 'forbidden') ||
      isApiError(query.error, 'not_found') ||
      isApiError(query.error, 'bad_request')
    )
      return (
        <div className="page">
          <PageHeader title={t('meetings.page.notFoundTitle')} lede={t('meetings.page.notFoundText')} />
          <ButtonLink href="/bassins">{t('group.backToBassins')}</ButtonLink>
        </div>
      );
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }

  const s = query.data;
  const groupLabel = `${s.group.bassinName} – ${t(`groupKinds.${s.group.kind}` as 'groupKinds.social_workers')}`;
  const open = s.status !== 'cancelled';
  const showMinutes = s.minutes !== null && (!s.isGuest || s.minutes.status === 'published');
  return (
    <div className="page meeting-page">
      <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
        <ol>
          {!s.isGuest && (
            <li>
              <Link href={`/groupes/${s.groupId}`} className="link">
                {groupLabel}
              </Link>
            </li>
          )}
          <li aria-current="page">{s.title}</li>
        </ol>
      </nav>
      <PageHeader
        eyebrow={`${t(`meetings.kinds.${s.kind}`)} · ${groupLabel}`}
        title={s.title}
        actions={
          <div className="page-header__badges">
            {s.kind === 'thematic' && <Badge tone="accent">{t('meetings.kinds.thematic')}</Badge>}
            <MeetingStatusBadge status={s.status} />
          </div>
        }
      />
      {s.isGuest && <p className="notice notice--info">{t('meetings.page.guestNotice')}</p>}
      {s.status === 'cancelled' && (
        <p className="notice notice--warning">{t('meetings.page.cancelledNotice')}</p>
      )}

      <dl className={`meeting-facts ${styles.facts}`}>
        <div>
          <dt>{t('meetings.page.when')}</dt>
          <dd>
            <MeetingWhen meeting={s} />
          </dd>
        </div>
        <div>
          <dt>{t('meetings.page.where')}</dt>
          <dd>
            <MeetingPlaceText meeting={s} withLink />
          </dd>
        </div>
        {s.host && s.place.type !== 'host' && (
          <div>
            <dt>{t('meetings.page.host')}</dt>
            <dd>{s.host.name}</dd>
          </div>
        )}
        {s.facilitators.length > 0 && (
          <div>
            <dt>{t('meetings.page.facilitators')}</dt>
            <dd>{s.facilitators.map((f) => f.displayName).join(', ')}</dd>
          </div>
        )}
      </dl>

      <div className={styles.links}>
        {open && s.startsAt && (
          <a className="button button--secondary" href={meetingIcsUrl(s.id)} download>
            <span>{t('meetings.page.ics')}</span>
          </a>
        )}
        {open && s.startsAt && s.status !== 'done' && (
          <ButtonLink
            href={`/rencontres/${s.id}/direct`}
            variant={s.status === 'live' ? 'primary' : 'secondary'}
          >
            {t('meetings.page.live')}
          </ButtonLink>
        )}
        {(showMinutes || (s.canManage && s.status === 'done')) && (
          <ButtonLink href={`/rencontres/${s.id}/proces-verbal`}>{t('meetings.page.minutes')}</ButtonLink>
        )}
        {s.threadId && (
          <ButtonLink href={`/discussions/${s.threadId}`}>{t('meetings.page.discussion')}</ButtonLink>
        )}
      </div>
      {s.canManage && <ManageMeeting meeting={s} />}

      <div className={styles.layout}>
        <div className={styles.layoutMain}>
          {!s.startsAt && open && <DatePollPanel meeting={s} />}
          <AgendaEditor meeting={s} />
          <MeetingFilesPanel meeting={s} />
          {!s.isGuest && (
            <section className="panel" aria-labelledby="meeting-open-actions">
              <h2 id="meeting-open-actions" className="panel__title">
                {t('meetings.actions.openTitle')}
              </h2>
              <ActionList actions={s.openActions} canUpdate={s.canManage} />
            </section>
          )}
          {(s.decisions.length > 0 || s.actions.length > 0) && (
            <section className="panel" aria-labelledby="meeting-decisions">
              <h2 id="meeting-decisions" className="panel__title">
                {t('meetings.actions.decisionsTitle')}
              </h2>
              {s.decisions.length === 0 ? (
                <p className="muted">{t('meetings.actions.none')}</p>
              ) : (
                <ul className={styles.decisions}>
                  {s.decisions.map((d) => (
                    <li key={d.id}>{d.text}</li>
                  ))}
                </ul>
              )}
              <h3 className={styles.subtitle}>{t('meetings.actions.meetingTitle')}</h3>
              <ActionList actions={s.actions} canUpdate={s.canManage} />
            </section>
          )}
        </div>
        <div className={styles.layoutSide}>
          {open && s.status !== 'done' && <RsvpForm meeting={s} />}
          {s.canManage && <ParticipantsPanel meeting={s} />}
          {!s.isGuest && <GuestsPanel meeting={s} />}
        </div>
      </div>
    </div>
  );
}
