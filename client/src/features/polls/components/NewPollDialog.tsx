import { type PollKind, pollKinds } from '@affluents/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { NumberField } from '../../../components/ui/NumberField';
import { RadioGroupField } from '../../../components/ui/RadioGroupField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { brusselsToIso } from '../brussels-time';
import { useCreatePoll } from '../hooks';
import styles from '../polls.module.css';
import { OptionRows } from './OptionRows';

interface Slot {
  key: number;
  date: string;
  start: string;
  end: string;
}

interface Choice {
  key: number;
  label: string;
}

// Rows need a stable identity for React while they are added and removed.
let nextRowKey = 0;
const rowKey = () => ++nextRowKey;
const emptySlot = (): Slot => ({ key: rowKey(), date: '', start: '', end: '' });
const emptyChoice = (): Choice => ({ key: rowKey(), label: '' });
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
  const [kind, setKind] = useState<PollKind>('proposal');
  const [question, setQuestion] = useState('');
  const [details, setDetails] = useState('');
  const [choices, setChoices] = useState(() => [emptyChoice(), emptyChoice()]);
  const [slots, setSlots] = useState<Slot[]>([emptySlot()]);
  const [closeDate, setCloseDate] = useState(inDays(7));
  const [closeTime, setCloseTime] = useState('18:00');
  const [quorum, setQuorum] = useState<number | null>(null);
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
      setQuorum(null);
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
        quorum: quorum ?? undefined,
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
        <RadioGroupField
          label={t('polls.create.kind')}
          options={pollKinds.map((k) => ({
            id: k,
            label: t(`polls.kinds.${k}`),
            description: t(`polls.kindHelp.${k}`),
          }))}
          value={kind}
          onChange={(value) => setKind(value as PollKind)}
        />

        <TextField
          label={t('polls.create.question')}
          isRequired
          validationBehavior="aria"
          maxLength={300}
          value={question}
          onChange={setQuestion}
        />
        <TextAreaField
          label={t('polls.create.details')}
          rows={3}
          maxLength={4000}
          value={details}
          onChange={setDetails}
        />

        {(kind === 'single' || kind === 'multiple') && (
          <OptionRows
            legend={t('polls.create.choices')}
            rows={choices}
            onChange={setChoices}
            make={emptyChoice}
            min={2}
            max={30}
            addLabel={t('polls.create.addChoice')}
            removeLabel={(n) => t('polls.create.removeChoice', { n })}
          >
            {(choice, update, n) => (
              <TextField
                label={t('polls.create.choice', { n })}
                isLabelHidden
                className={styles.formChoice}
                maxLength={200}
                value={choice.label}
                onChange={(label) => update({ label })}
              />
            )}
          </OptionRows>
        )}

        {kind === 'dates' && (
          <OptionRows
            legend={t('polls.create.slots')}
            help={t('polls.create.slotsHelp')}
            rows={slots}
            onChange={setSlots}
            make={emptySlot}
            min={1}
            max={30}
            addLabel={t('polls.create.addSlot')}
            removeLabel={(n) => t('polls.create.removeSlot', { n })}
            rowLegend={(n) => t('polls.create.slot', { n })}
            rowClassName={styles.formSlot}
          >
            {(slot, update) => (
              <>
                <TextField
                  type="date"
                  label={t('polls.create.slotDate')}
                  className={styles.formMini}
                  value={slot.date}
                  onChange={(date) => update({ date })}
                />
                <TextField
                  type="time"
                  label={t('polls.create.slotStart')}
                  className={styles.formMini}
                  value={slot.start}
                  onChange={(start) => update({ start })}
                />
                <TextField
                  type="time"
                  label={t('polls.create.slotEnd')}
                  className={styles.formMini}
                  value={slot.end}
                  onChange={(end) => update({ end })}
                />
              </>
            )}
          </OptionRows>
        )}

        <fieldset className={`${styles.formRow} ${styles.formSlot}`}>
          <legend className="field__label">{t('polls.create.closesAt')}</legend>
          <TextField
            type="date"
            label={t('polls.create.slotDate')}
            className={styles.formMini}
            isRequired
            validationBehavior="aria"
            value={closeDate}
            onChange={setCloseDate}
          />
          <TextField
            type="time"
            label={t('polls.create.closeTime')}
            className={styles.formMini}
            isRequired
            validationBehavior="aria"
            value={closeTime}
            onChange={setCloseTime}
          />
        </fieldset>

        <NumberField
          label={t('polls.create.quorum')}
          description={t('polls.create.quorumHelp')}
          minValue={1}
          maxValue={1000}
          value={quorum}
          onChange={setQuorum}
        />

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
