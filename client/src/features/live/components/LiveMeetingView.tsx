import type { MeetingDetail } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/layout/PageHeader';
import { Badge } from '../../../components/ui/Badge';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { LoadingState } from '../../../components/ui/LoadingState';
import { useCurrentUser } from '../../auth/hooks';
import styles from '../live.module.css';
import { useLiveMeeting } from '../use-live-meeting';
import { AttendancePanel } from './AttendancePanel';
import { CurrentItemPanel } from './CurrentItemPanel';
import { FacilitatorControls } from './FacilitatorControls';
import { LiveAgenda } from './LiveAgenda';
import { LiveAnnouncer } from './LiveAnnouncer';
import { LivePhoneBar } from './LivePhoneBar';
import { MeetingBreadcrumb } from './MeetingBreadcrumb';
import { MeetingNotes } from './MeetingNotes';
import { QuickCapture } from './QuickCapture';
import { SpeakingQueue } from './SpeakingQueue';

const statusTone = { planned: 'neutral', live: 'success', done: 'info', cancelled: 'warning' } as const;

/** A meeting run live: the current item and its timer, the agenda, the speaking queue, the notes; for facilitators the controls, the attendance and the quick capture. */
export function LiveMeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const live = useLiveMeeting(meeting.id);
  const state = live.state;
  const status = state?.status ?? meeting.status;
  const agenda = meeting.agenda;
  const currentIndex = state?.currentItem ?? null;
  const next = currentIndex === null ? null : (agenda[currentIndex + 1] ?? null);
  const published = meeting.minutes?.status === 'published';
  const mayWriteNotes = !published && (!meeting.isGuest || status === 'live');

  return (
    <div className="page live-page">
      <MeetingBreadcrumb meeting={meeting} page={t('live.page.crumb')} />
      <PageHeader
        eyebrow={t('live.page.eyebrow')}
        title={meeting.title}
        documentTitle={t('live.page.documentTitle', { title: meeting.title })}
        actions={<Badge tone={statusTone[status]}>{t(`live.status.${status}`)}</Badge>}
      />
      <LiveAnnouncer state={state} />
      {live.joinError && (
        <p className="notice notice--warning" role="alert">
          {live.joinError}
        </p>
      )}
      {!state && !live.joinError && <LoadingState label={t('live.page.joining')} />}
      {state && (
        <div className={styles.layout}>
          <div className={styles.layoutMain}>
            {state.status === 'planned' && <p className="notice notice--info">{t('live.page.notStarted')}</p>}
            {state.status === 'done' && (
              <div className={`notice notice--info ${styles.ended}`}>
                <p>{t('live.page.ended')}</p>
                <ButtonLink href={`/rencontres/${meeting.id}/proces-verbal`}>
                  {t('live.page.toMinutes')}
                </ButtonLink>
              </div>
            )}
            {state.status === 'live' && <CurrentItemPanel state={state} offset={live.offset} next={next} />}
            {meeting.canManage && (
              <FacilitatorControls
                state={state}
                live={live}
                agendaLength={agenda.length}
                startsAt={meeting.startsAt}
              />
            )}
            <section className={styles.notesSection} aria-labelledby="live-notes-title">
              <h2 id="live-notes-title" className="panel__title">
                {t('live.notes.title')}
              </h2>
              <MeetingNotes
                docName={meeting.notesDocName}
                mayWrite={mayWriteNotes}
                label={t('live.notes.label', { title: meeting.title })}
              />
            </section>
            {meeting.canManage && state.status !== 'planned' && (
              <QuickCapture
                meetingId={meeting.id}
                participants={meeting.participants}
                decisions={meeting.decisions}
                actions={meeting.actions}
                canManage
              />
            )}
          </div>
          <div className={styles.layoutSide}>
            <SpeakingQueue state={state} live={live} userId={me?.id} canManage={meeting.canManage} />
            <LiveAgenda
              agenda={agenda}
              currentIndex={state.status === 'live' ? currentIndex : null}
              onGoto={meeting.canManage && state.status === 'live' ? live.goto : undefined}
            />
            {!meeting.canManage && state.status !== 'planned' && (
              <QuickCapture
                meetingId={meeting.id}
                participants={meeting.participants}
                decisions={meeting.decisions}
                actions={meeting.actions}
                canManage={false}
              />
            )}
            {meeting.canManage && (
              <AttendancePanel meetingId={meeting.id} participants={meeting.participants} />
            )}
          </div>
        </div>
      )}
      {state && <LivePhoneBar state={state} live={live} userId={me?.id} />}
    </div>
  );
}
