import { type PollKind, pollKinds } from '@affluents/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { brusselsToIso } from '../brussels-time';
import { useCreatePoll } from '../hooks';

interface Slot {
  key: number;
  date: string;
  start: string;
  end: string;
}

// Rows need a stable identity for React while they are added and removed.
let nextRowKey = 0;
const rowKey = () => ++nextRowKey;
const emptySlot = (): Slot => ({ key: rowKey(), date: '', start: '', end: '' });
const emptyChoice = () => ({ key: rowKey(), label: '' });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Opens a poll of any kind in a thread: choices or slots, closing date (Brussels time), optional quorum. */
export function NewPollDialog({
  threadId,
  isOpen,
  onOpenChange,
}: {
  threadId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreatePoll(threadId);
  const id = useId();
  const [kind, setKind] = useState<PollKind>('proposal');
  const [question, setQuestion] = useState('');
  const [details, setDetails] = useState('');
  const [choices, setChoices] = useState(() => [emptyChoice(), emptyChoice()]);
  const [slots, setSlots] = useState<Slot[]>([emptySlot()]);
  const [closeDate, setCloseDate] = useState(inDays(7));
  const [closeTime, setCloseTime] = useState('18:00');
  const [quorum, setQuorum] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { reset } = create;

  useEffect(() => {
    if (isOpen) {
      setKind('proposal');
      setQuestion('');
      setDetails('');
      setChoices([emptyChoice(), emptyChoice()]);
      setSlots([emptySlot()]);
      setCloseDate(inDays(7));
      setCloseTime('18:00');
      setQuorum('');
      setProblem(null);
      reset();
    }
  }, [isOpen, reset]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const closesAt = brusselsToIso(closeDate, closeTime);
    if (!question.trim()) return setProblem(t('polls.create.errors.question'));
    if (!closesAt || new Date(closesAt).getTime() <= Date.now())
      return setProblem(t('polls.create.errors.closesAt'));
    let options: Array<{ label?: string; startsAt?: string; endsAt?: string }> = [];
    if (kind === 'single' || kind === 'multiple') {
      const labels = choices.map((c) => c.label.trim()).filter(Boolean);
      if (labels.length < 2) return setProblem(t('polls.create.errors.choices'));
      options = labels.map((label) => ({ label }));
    }
    if (kind === 'dates') {
      for (const slot of slots) {
        const startsAt = brusselsToIso(slot.date, slot.start);
        if (!startsAt) return setProblem(t('polls.create.errors.slots'));
        const endsAt = slot.end ? brusselsToIso(slot.date, slot.end) : null;
        if (endsAt && endsAt <= startsAt) return setProblem(t('polls.create.errors.slotEnd'));
        options.push(endsAt ? { startsAt, endsAt } : { startsAt });
      }
    }
    setProblem(null);
    create.mutate(
      {
        kind,
        question: question.trim(),
        details: details.trim() || undefined,
        options,
        closesAt,
        quorum: quorum ? Number(quorum) : undefined,
      },
      {
        onSuccess: () => {
          notify.success(t('polls.create.done'));
          onOpenChange(false);
        },
      },
    );
  }

  return (
    <ModalDialog title={t('polls.create.title')} isOpen={isOpen} onOpenChange={onOpenChange} size="lg">
      <form className="form poll-form" onSubmit={submit} noValidate>
        <fieldset className="poll-vote__choices">
          <legend className="field__label">{t('polls.create.kind')}</legend>
          {pollKinds.map((k) => (
            <label key={k} className="poll-choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span>
                {t(`polls.kinds.${k}`)} <span className="muted">— {t(`polls.kindHelp.${k}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-question`}>
            {t('polls.create.question')}
          </label>
          <input
            id={`${id}-question`}
            className="field__input"
            required
            maxLength={300}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-details`}>
            {t('polls.create.details')}
          </label>
          <textarea
            id={`${id}-details`}
            className="field__input"
            rows={3}
            maxLength={4000}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
          />
        </div>

        {(kind === 'single' || kind === 'multiple') && (
          <fieldset className="poll-form__list">
            <legend className="field__label">{t('polls.create.choices')}</legend>
            {choices.map((choice, i) => (
              <div key={choice.key} className="poll-form__row">
                <label className="visually-hidden" htmlFor={`${id}-choice-${i}`}>
                  {t('polls.create.choice', { n: i + 1 })}
                </label>
                <input
                  id={`${id}-choice-${i}`}
                  className="field__input"
                  maxLength={200}
                  value={choice.label}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setChoices((list) => list.map((c, j) => (j === i ? { ...c, label: value } : c)));
                  }}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  isDisabled={choices.length <= 2}
                  aria-label={t('polls.create.removeChoice', { n: i + 1 })}
                  onPress={() => setChoices((list) => list.filter((_, j) => j !== i))}
                >
                  ×
                </Button>
              </div>
            ))}
            <Button
              size="sm"
              isDisabled={choices.length >= 30}
              onPress={() => setChoices((list) => [...list, emptyChoice()])}
            >
              {t('polls.create.addChoice')}
            </Button>
          </fieldset>
        )}

        {kind === 'dates' && (
          <fieldset className="poll-form__list">
            <legend className="field__label">{t('polls.create.slots')}</legend>
            <p className="field__description">{t('polls.create.slotsHelp')}</p>
            {slots.map((slot, i) => {
              const update = (patch: Partial<Slot>) =>
                setSlots((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
              return (
                <fieldset key={slot.key} className="poll-form__row poll-form__slot">
                  <legend className="visually-hidden">{t('polls.create.slot', { n: i + 1 })}</legend>
                  <label className="poll-form__mini">
                    <span>{t('polls.create.slotDate')}</span>
                    <input
                      type="date"
                      className="field__input"
                      value={slot.date}
                      onChange={(e) => update({ date: e.currentTarget.value })}
                    />
                  </label>
                  <label className="poll-form__mini">
                    <span>{t('polls.create.slotStart')}</span>
                    <input
                      type="time"
                      className="field__input"
                      value={slot.start}
                      onChange={(e) => update({ start: e.currentTarget.value })}
                    />
                  </label>
                  <label className="poll-form__mini">
                    <span>{t('polls.create.slotEnd')}</span>
                    <input
                      type="time"
                      className="field__input"
                      value={slot.end}
                      onChange={(e) => update({ end: e.currentTarget.value })}
                    />
                  </label>
                  <Button
                    size="sm"
                    variant="ghost"
                    isDisabled={slots.length <= 1}
                    aria-label={t('polls.create.removeSlot', { n: i + 1 })}
                    onPress={() => setSlots((list) => list.filter((_, j) => j !== i))}
                  >
                    ×
                  </Button>
                </fieldset>
              );
            })}
            <Button
              size="sm"
              isDisabled={slots.length >= 30}
              onPress={() => setSlots((list) => [...list, emptySlot()])}
            >
              {t('polls.create.addSlot')}
            </Button>
          </fieldset>
        )}

        <fieldset className="poll-form__row poll-form__slot">
          <legend className="field__label">{t('polls.create.closesAt')}</legend>
          <label className="poll-form__mini">
            <span>{t('polls.create.slotDate')}</span>
            <input
              type="date"
              className="field__input"
              required
              value={closeDate}
              onChange={(e) => setCloseDate(e.currentTarget.value)}
            />
          </label>
          <label className="poll-form__mini">
            <span>{t('polls.create.closeTime')}</span>
            <input
              type="time"
              className="field__input"
              required
              value={closeTime}
              onChange={(e) => setCloseTime(e.currentTarget.value)}
            />
          </label>
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-quorum`}>
            {t('polls.create.quorum')}
          </label>
          <input
            id={`${id}-quorum`}
            className="field__input poll-form__quorum"
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            value={quorum}
            aria-describedby={`${id}-quorum-help`}
            onChange={(e) => setQuorum(e.currentTarget.value)}
          />
          <p id={`${id}-quorum-help`} className="field__description">
            {t('polls.create.quorumHelp')}
          </p>
        </div>

        <FormError message={problem ?? (create.error ? errorMessage(create.error) : null)} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('polls.create.submit')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
