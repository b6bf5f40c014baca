import type { MeetingDetail } from '@affluents/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { formatSlot } from '../../polls/brussels-time';
import { useThreadPolls } from '../../polls/hooks';
import { ThreadPolls } from '../../polls/ThreadPolls';
import { useCloseDatePoll, useOpenDatePoll } from '../hooks';
import { brusselsToIso, meetingTimes } from '../meeting-time';
import styles from '../meetings.module.css';
import { TimeFields, type TimesDraft } from './TimeFields';

/** While the date is to be found: the date poll (voting as in discussions) and, for facilitators, the choice. */
export function DatePollPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [proposing, setProposing] = useState(false);
  return (
    <section className="panel meeting-date-poll" aria-labelledby="meeting-date-poll-title">
      <div className="toolbar panel__toolbar">
        <h2 id="meeting-date-poll-title" className="panel__title toolbar__title">
          {t('meetings.datePoll.title')}
        </h2>
        {meeting.canManage && !meeting.datePollId && (
          <Button size="sm" variant="primary" onPress={() => setProposing(true)}>
            {t('meetings.datePoll.propose')}
          </Button>
        )}
      </div>
      {meeting.datePollId && meeting.threadId ? (
        <>
          {meeting.canManage && (
            <RetainSlot meeting={meeting} threadId={meeting.threadId} pollId={meeting.datePollId} />
          )}
          <ThreadPolls threadId={meeting.threadId} canCreate={false} />
        </>
      ) : (
        <p className="muted">{t('meetings.datePoll.none')}</p>
      )}
      {meeting.canManage && (
        <ProposeDatesDialog meetingId={meeting.id} isOpen={proposing} onOpenChange={setProposing} />
      )}
    </section>
  );
}

function RetainSlot({
  meeting,
  threadId,
  pollId,
}: {
  meeting: MeetingDetail;
  threadId: string;
  pollId: string;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const polls = useThreadPolls(threadId);
  const close = useCloseDatePoll(meeting.id);
  const poll = polls.data?.find((p) => p.id === pollId);
  if (!poll) return null;
  return (
    <div className={styles.retain}>
      <h3 className={styles.retainTitle}>{t('meetings.datePoll.choose')}</h3>
      <ul className="plain-list meeting-retain__list">
        {poll.options.map((option) => {
          const slot = formatSlot(option, i18n.language);
          return (
            <li key={option.id} className={styles.retainItem}>
              <span>{slot}</span>
              <Button
                size="sm"
                aria-label={t('meetings.datePoll.retainFor', { slot })}
                isDisabled={close.isPending}
                onPress={() =>
                  close.mutate(
                    { optionId: option.id },
                    { onSuccess: () => notify.success(t('meetings.datePoll.retained')) },
                  )
                }
              >
                {t('meetings.datePoll.retain')}
              </Button>
            </li>
          );
        })}
      </ul>
      <FormError message={close.error ? errorMessage(close.error) : null} />
    </div>
  );
}

interface SlotRow extends TimesDraft {
  key: number;
}
let nextKey = 0;
const emptyRow = (): SlotRow => ({ key: ++nextKey, date: '', start: '09:30', end: '12:30' });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function ProposeDatesDialog({
  meetingId,
  isOpen,
  onOpenChange,
}: {
  meetingId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const open = useOpenDatePoll(meetingId);
  const [rows, setRows] = useState<SlotRow[]>(() => [emptyRow(), emptyRow()]);
  const [closeDate, setCloseDate] = useState(inDays(7));
  const [problem, setProblem] = useState<string | null>(null);
  const { reset } = open;
  useEffect(() => {
    if (!isOpen) return;
    setRows([emptyRow(), emptyRow()]);
    setCloseDate(inDays(7));
    setProblem(null);
    reset();
  }, [isOpen, reset]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const slots = rows.map((r) => meetingTimes(r.date, r.start, r.end));
    if (slots.some((s) => s === null)) return setProblem(t('meetings.datePoll.errors.slots'));
    const closesAt = brusselsToIso(closeDate, '18:00');
    if (!closesAt || closesAt <= new Date().toISOString())
      return setProblem(t('meetings.datePoll.errors.closes'));
    setProblem(null);
    open.mutate(
      { slots: slots.filter((s) => s !== null), closesAt },
      {
        onSuccess: () => {
          notify.success(t('meetings.datePoll.opened'));
          onOpenChange(false);
        },
      },
    );
  }

  return (
    <ModalDialog
      title={t('meetings.datePoll.proposeTitle')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="lg"
    >
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className={styles.slots}>
          <legend className="field__label">{t('meetings.datePoll.slots')}</legend>
          {rows.map((row, i) => (
            <div key={row.key} className={styles.slotsRow}>
              <TimeFields
                value={row}
                onChange={(value) =>
                  setRows((list) => list.map((r, j) => (j === i ? { ...r, ...value } : r)))
                }
              />
              <Button
                size="sm"
                variant="ghost"
                isDisabled={rows.length <= 1}
                aria-label={t('meetings.datePoll.removeSlot', { n: i + 1 })}
                onPress={() => setRows((list) => list.filter((_, j) => j !== i))}
              >
                ×
              </Button>
            </div>
          ))}
          <Button
            size="sm"
            isDisabled={rows.length >= 20}
            onPress={() => setRows((list) => [...list, emptyRow()])}
          >
            {t('meetings.datePoll.addSlot')}
          </Button>
        </fieldset>
        <TextField
          type="date"
          label={t('meetings.datePoll.closesOn')}
          className={styles.formMini}
          value={closeDate}
          onChange={setCloseDate}
        />
        <FormError message={problem ?? (open.error ? errorMessage(open.error) : null)} />
        <div className="dialog__actions">
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" isPending={open.isPending}>
            {t('meetings.datePoll.open')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
