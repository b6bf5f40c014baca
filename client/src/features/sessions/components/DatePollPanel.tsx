import type { SessionDetail } from '@affluents/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { formatSlot } from '../../polls/brussels-time';
import { useThreadPolls } from '../../polls/hooks';
import { ThreadPolls } from '../../polls/ThreadPolls';
import { useCloseDatePoll, useOpenDatePoll } from '../hooks';
import { brusselsToIso, sessionTimes } from '../session-time';
import { TimeFields, type TimesDraft } from './TimeFields';

/** While the date is to be found: the date poll (voting as in discussions) and, for facilitators, the choice. */
export function DatePollPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const [proposing, setProposing] = useState(false);
  return (
    <section className="panel session-date-poll" aria-labelledby="session-date-poll-title">
      <div className="toolbar panel__toolbar">
        <h2 id="session-date-poll-title" className="panel__title toolbar__title">
          {t('sessions.datePoll.title')}
        </h2>
        {session.canManage && !session.datePollId && (
          <Button size="sm" variant="primary" onPress={() => setProposing(true)}>
            {t('sessions.datePoll.propose')}
          </Button>
        )}
      </div>
      {session.datePollId && session.threadId ? (
        <>
          {session.canManage && (
            <RetainSlot session={session} threadId={session.threadId} pollId={session.datePollId} />
          )}
          <ThreadPolls threadId={session.threadId} canCreate={false} />
        </>
      ) : (
        <p className="muted">{t('sessions.datePoll.none')}</p>
      )}
      {session.canManage && (
        <ProposeDatesDialog sessionId={session.id} isOpen={proposing} onOpenChange={setProposing} />
      )}
    </section>
  );
}

function RetainSlot({
  session,
  threadId,
  pollId,
}: {
  session: SessionDetail;
  threadId: string;
  pollId: string;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const polls = useThreadPolls(threadId);
  const close = useCloseDatePoll(session.id);
  const poll = polls.data?.find((p) => p.id === pollId);
  if (!poll) return null;
  return (
    <div className="session-retain">
      <h3 className="session-retain__title">{t('sessions.datePoll.choose')}</h3>
      <ul className="plain-list session-retain__list">
        {poll.options.map((option) => {
          const slot = formatSlot(option, i18n.language);
          return (
            <li key={option.id} className="session-retain__item">
              <span>{slot}</span>
              <Button
                size="sm"
                aria-label={t('sessions.datePoll.retainFor', { slot })}
                isDisabled={close.isPending}
                onPress={() =>
                  close.mutate(
                    { optionId: option.id },
                    { onSuccess: () => notify.success(t('sessions.datePoll.retained')) },
                  )
                }
              >
                {t('sessions.datePoll.retain')}
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
  sessionId,
  isOpen,
  onOpenChange,
}: {
  sessionId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const open = useOpenDatePoll(sessionId);
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
    const slots = rows.map((r) => sessionTimes(r.date, r.start, r.end));
    if (slots.some((s) => s === null)) return setProblem(t('sessions.datePoll.errors.slots'));
    const closesAt = brusselsToIso(closeDate, '18:00');
    if (!closesAt || closesAt <= new Date().toISOString())
      return setProblem(t('sessions.datePoll.errors.closes'));
    setProblem(null);
    open.mutate(
      { slots: slots.filter((s) => s !== null), closesAt },
      {
        onSuccess: () => {
          notify.success(t('sessions.datePoll.opened'));
          onOpenChange(false);
        },
      },
    );
  }

  return (
    <ModalDialog
      title={t('sessions.datePoll.proposeTitle')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="lg"
    >
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="session-slots">
          <legend className="field__label">{t('sessions.datePoll.slots')}</legend>
          {rows.map((row, i) => (
            <div key={row.key} className="session-slots__row">
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
                aria-label={t('sessions.datePoll.removeSlot', { n: i + 1 })}
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
            {t('sessions.datePoll.addSlot')}
          </Button>
        </fieldset>
        <label className="session-form__mini" htmlFor={`${id}-closes`}>
          <span>{t('sessions.datePoll.closesOn')}</span>
          <input
            id={`${id}-closes`}
            type="date"
            className="field__input"
            value={closeDate}
            onChange={(e) => setCloseDate(e.currentTarget.value)}
          />
        </label>
        <FormError message={problem ?? (open.error ? errorMessage(open.error) : null)} />
        <div className="dialog__actions">
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" isPending={open.isPending}>
            {t('sessions.datePoll.open')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
