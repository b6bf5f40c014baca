import type { SessionDetail } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/layout/PageHeader';
import { Badge } from '../../../components/ui/Badge';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { LoadingState } from '../../../components/ui/LoadingState';
import { useCurrentUser } from '../../auth/hooks';
import { useLiveSession } from '../use-live-session';
import { AttendancePanel } from './AttendancePanel';
import { CurrentItemPanel } from './CurrentItemPanel';
import { FacilitatorControls } from './FacilitatorControls';
import { LiveAgenda } from './LiveAgenda';
import { LiveAnnouncer } from './LiveAnnouncer';
import { QuickCapture } from './QuickCapture';
import { SessionBreadcrumb } from './SessionBreadcrumb';
import { SessionNotes } from './SessionNotes';
import { SpeakingQueue } from './SpeakingQueue';
import '../live.css';

const statusTone = { planned: 'neutral', live: 'success', done: 'info', cancelled: 'warning' } as const;

/** A session run live: the current item and its timer, the agenda, the speaking queue, the notes; for facilitators the controls, the attendance and the quick capture. */
export function LiveSessionView({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const live = useLiveSession(session.id);
  const state = live.state;
  const status = state?.status ?? session.status;
  const agenda = session.agenda;
  const currentIndex = state?.currentItem ?? null;
  const next = currentIndex === null ? null : (agenda[currentIndex + 1] ?? null);
  const published = session.minutes?.status === 'published';
  const mayWriteNotes = !published && (!session.isGuest || status === 'live');

  return (
    <div className="page live-page">
      <SessionBreadcrumb session={session} page={t('live.page.crumb')} />
      <PageHeader
        eyebrow={t('live.page.eyebrow')}
        title={session.title}
        documentTitle={t('live.page.documentTitle', { title: session.title })}
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
        <div className="live-layout">
          <div className="live-layout__main">
            {state.status === 'planned' && <p className="notice notice--info">{t('live.page.notStarted')}</p>}
            {state.status === 'done' && (
              <div className="notice notice--info live-ended">
                <p>{t('live.page.ended')}</p>
                <ButtonLink href={`/rencontres/${session.id}/proces-verbal`}>
                  {t('live.page.toMinutes')}
                </ButtonLink>
              </div>
            )}
            {state.status === 'live' && <CurrentItemPanel state={state} offset={live.offset} next={next} />}
            {session.canManage && (
              <FacilitatorControls state={state} live={live} agendaLength={agenda.length} />
            )}
            <section className="live-notes-section" aria-labelledby="live-notes-title">
              <h2 id="live-notes-title" className="panel__title">
                {t('live.notes.title')}
              </h2>
              <SessionNotes
                docName={session.notesDocName}
                mayWrite={mayWriteNotes}
                label={t('live.notes.label', { title: session.title })}
              />
            </section>
            {session.canManage && state.status !== 'planned' && (
              <QuickCapture
                sessionId={session.id}
                participants={session.participants}
                decisions={session.decisions}
                actions={session.actions}
                canManage
              />
            )}
          </div>
          <div className="live-layout__side">
            <SpeakingQueue state={state} live={live} userId={me?.id} canManage={session.canManage} />
            <LiveAgenda
              agenda={agenda}
              currentIndex={state.status === 'live' ? currentIndex : null}
              onGoto={session.canManage && state.status === 'live' ? live.goto : undefined}
            />
            {!session.canManage && state.status !== 'planned' && (
              <QuickCapture
                sessionId={session.id}
                participants={session.participants}
                decisions={session.decisions}
                actions={session.actions}
                canManage={false}
              />
            )}
            {session.canManage && (
              <AttendancePanel sessionId={session.id} participants={session.participants} />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
