import type { LiveState } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { formatMeetingDay, isOnALaterDay } from '../../meetings/meeting-time';
import styles from '../live.module.css';
import type { LiveMeeting } from '../use-live-meeting';

interface FacilitatorControlsProps {
  state: LiveState;
  live: LiveMeeting;
  agendaLength: number;
  /** When the meeting is planned: starting it on an earlier day asks first. */
  startsAt: string | null;
}

/** Start, move through the agenda (with the explicit index, so a double press cannot skip an item), end. */
export function FacilitatorControls({ state, live, agendaLength, startsAt }: FacilitatorControlsProps) {
  const { t, i18n } = useTranslation();
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const [confirmingEarly, setConfirmingEarly] = useState(false);
  if (state.status === 'planned') {
    return (
      <div className={styles.controls}>
        <Button
          variant="primary"
          onPress={() => (isOnALaterDay(startsAt) ? setConfirmingEarly(true) : live.start())}
          isPending={live.pending === 'start'}
        >
          {t('live.controls.start')}
        </Button>
        <ConfirmDialog
          title={t('live.controls.earlyTitle')}
          isOpen={confirmingEarly}
          onOpenChange={setConfirmingEarly}
          confirmLabel={t('live.controls.earlyConfirm')}
          tone="primary"
          onConfirm={() => {
            setConfirmingEarly(false);
            live.start();
          }}
        >
          <p>
            {t('live.controls.earlyText', { day: startsAt ? formatMeetingDay(startsAt, i18n.language) : '' })}
          </p>
        </ConfirmDialog>
      </div>
    );
  }
  if (state.status !== 'live') return null;
  const index = state.currentItem;
  const previous = index === null ? null : index - 1;
  const next = index === null ? 0 : index + 1;
  return (
    <div className={styles.controls}>
      <Button
        onPress={() => previous !== null && live.goto(previous)}
        isDisabled={previous === null || previous < 0 || live.pending === 'goto'}
      >
        {t('live.controls.previous')}
      </Button>
      <Button
        variant="primary"
        onPress={() => live.goto(next)}
        isDisabled={next >= agendaLength || live.pending === 'goto'}
      >
        {t('live.controls.next')}
      </Button>
      <Button variant="danger" onPress={() => setConfirmingEnd(true)}>
        {t('live.controls.end')}
      </Button>
      <ConfirmDialog
        title={t('live.controls.endTitle')}
        isOpen={confirmingEnd}
        onOpenChange={setConfirmingEnd}
        confirmLabel={t('live.controls.endConfirm')}
        tone="primary"
        isPending={live.pending === 'end'}
        onConfirm={() => {
          live.end();
          setConfirmingEnd(false);
        }}
      >
        <p>{t('live.controls.endText')}</p>
      </ConfirmDialog>
    </div>
  );
}
