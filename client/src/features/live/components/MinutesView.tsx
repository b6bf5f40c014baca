import type { MeetingDetail } from '@affluents/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/layout/PageHeader';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Checkbox } from '../../../components/ui/Checkbox';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { notify } from '../../../components/ui/toast';
import { formatDate } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { usePublishMinutes, useStartReview } from '../hooks';
import styles from '../live.module.css';
import type { PassageRefusal, SelectedPassage } from '../passage';
import { AmendmentsPanel } from './AmendmentsPanel';
import { LiveAgenda } from './LiveAgenda';
import { MeetingBreadcrumb } from './MeetingBreadcrumb';
import { ActionList, AttendanceSummary, DecisionList } from './MeetingFacts';
import { MeetingNotes } from './MeetingNotes';
import { PublishedMinutesView } from './PublishedMinutesView';

const REVIEW_DAYS = 7;

/** After the meeting: the draft minutes (the live notes), their review with amendments, then the published version. */
export function MinutesView({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const minutesStatus = meeting.minutes?.status ?? 'draft';
  const tone = { draft: 'neutral', review: 'info', published: 'success' } as const;
  // The last passage selected in the draft, kept while the reader moves to the proposal form.
  const [selection, setSelection] = useState<SelectedPassage | PassageRefusal | null>(null);
  const keepSelection = useCallback((selected: SelectedPassage | PassageRefusal | null) => {
    if (selected) setSelection(selected);
  }, []);

  return (
    <div className="page live-page">
      <MeetingBreadcrumb meeting={meeting} page={t('live.minutes.crumb')} />
      <PageHeader
        eyebrow={t('live.minutes.eyebrow')}
        title={meeting.title}
        documentTitle={t('live.minutes.documentTitle', { title: meeting.title })}
        actions={<Badge tone={tone[minutesStatus]}>{t(`live.minutes.status.${minutesStatus}`)}</Badge>}
      />
      {minutesStatus === 'published' ? (
        <PublishedMinutesView meetingId={meeting.id} />
      ) : (
        <>
          {meeting.status !== 'done' ? (
            <p className="notice notice--info">{t('live.minutes.notEnded')}</p>
          ) : minutesStatus === 'review' && meeting.minutes?.reviewEndsAt ? (
            <p className="notice notice--info">
              {t('live.minutes.reviewUntil', {
                date: formatDate('dayTime', meeting.minutes.reviewEndsAt, i18n.language),
              })}
            </p>
          ) : (
            <p className="notice notice--info">{t('live.minutes.draftHelp')}</p>
          )}
          {meeting.canManage && meeting.status === 'done' && (
            <MinutesControls meetingId={meeting.id} reviewStarted={minutesStatus === 'review'} />
          )}
          <div className={styles.layout}>
            <div className={styles.layoutMain}>
              <section aria-labelledby="live-draft-title">
                <h2 id="live-draft-title" className="panel__title">
                  {t('live.minutes.draft')}
                </h2>
                <MeetingNotes
                  docName={meeting.notesDocName}
                  mayWrite={meeting.canManage}
                  label={t('live.minutes.draftLabel', { title: meeting.title })}
                  onSelectPassage={minutesStatus === 'review' ? keepSelection : undefined}
                />
              </section>
              {minutesStatus === 'review' && (
                <AmendmentsPanel
                  meetingId={meeting.id}
                  canManage={meeting.canManage}
                  reviewOpen
                  selection={selection}
                />
              )}
            </div>
            <div className={styles.layoutSide}>
              <LiveAgenda agenda={meeting.agenda} currentIndex={null} />
              <section className="panel" aria-labelledby="live-draft-attendance">
                <h2 id="live-draft-attendance" className="panel__title">
                  {t('live.attendance.title')}
                </h2>
                <AttendanceSummary participants={meeting.participants} />
              </section>
              <section className="panel" aria-labelledby="live-draft-decisions">
                <h2 id="live-draft-decisions" className="panel__title">
                  {t('live.capture.decisions')}
                </h2>
                <DecisionList decisions={meeting.decisions} />
              </section>
              <section className="panel" aria-labelledby="live-draft-actions">
                <h2 id="live-draft-actions" className="panel__title">
                  {t('live.capture.actions')}
                </h2>
                <ActionList actions={meeting.actions} />
              </section>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

/** Facilitators open the review (7 days) and publish, choosing whether guests may read the minutes. */
function MinutesControls({ meetingId, reviewStarted }: { meetingId: string; reviewStarted: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const startReview = useStartReview(meetingId);
  const publish = usePublishMinutes(meetingId);
  const [visibleToGuests, setVisibleToGuests] = useState(false);
  const [confirming, setConfirming] = useState(false);

  return (
    <div className={`${styles.controls} ${styles.minutesControls}`}>
      {!reviewStarted && (
        <Button
          onPress={() =>
            startReview.mutate(REVIEW_DAYS, {
              onSuccess: () => notify.success(t('live.minutes.reviewStarted')),
              onError: (error) => notify.error(t('live.minutes.reviewFailed'), errorMessage(error)),
            })
          }
          isPending={startReview.isPending}
        >
          {t('live.minutes.startReview', { count: REVIEW_DAYS })}
        </Button>
      )}
      <Button
        variant="primary"
        onPress={() => {
          publish.reset();
          setConfirming(true);
        }}
      >
        {t('live.minutes.publish')}
      </Button>
      <ConfirmDialog
        title={t('live.minutes.publishTitle')}
        isOpen={confirming}
        onOpenChange={setConfirming}
        confirmLabel={t('live.minutes.publishConfirm')}
        tone="primary"
        isPending={publish.isPending}
        error={publish.error ? errorMessage(publish.error) : null}
        onConfirm={() =>
          publish.mutate(visibleToGuests, {
            onSuccess: () => {
              setConfirming(false);
              notify.success(t('live.minutes.published'));
            },
          })
        }
      >
        <p>{t('live.minutes.publishText')}</p>
        <Checkbox isSelected={visibleToGuests} onChange={setVisibleToGuests}>
          {t('live.minutes.visibleToGuests')}
        </Checkbox>
      </ConfirmDialog>
    </div>
  );
}
