import {
  type CastVoteRequest,
  type DateAnswer,
  dateAnswers,
  type Poll,
  type ProposalPosition,
  proposalPositions,
} from '@affluents/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerTable } from '../../../components/ui/AnswerTable';
import { Button } from '../../../components/ui/Button';
import { CheckboxGroupField } from '../../../components/ui/CheckboxGroupField';
import { FormError } from '../../../components/ui/FormError';
import { RadioGroupField } from '../../../components/ui/RadioGroupField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { useErrorMessage } from '../../../lib/use-error-message';
import { formatSlot } from '../brussels-time';
import { useCastVote } from '../hooks';
import styles from '../polls.module.css';

interface PollVoteFormProps {
  poll: Poll;
  /** Called once the vote is stored (or when the person cancels a change). */
  onDone?: () => void;
  onCancel?: () => void;
}

/** What the form holds, for every kind; only the part the poll's kind uses is sent. */
function initialState(poll: Poll) {
  const mine = poll.myVote;
  return {
    position: mine?.position ?? null,
    optionIds: mine?.optionIds ?? [],
    answers: { ...(mine?.dateAnswers ?? {}) } as Record<string, DateAnswer>,
    reason: mine?.reason ?? '',
  };
}

/** The voting form of one poll, by kind: positions, choices, or a table of slots answered yes/if needed/no. */
export function PollVoteForm({ poll, onDone, onCancel }: PollVoteFormProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const cast = useCastVote(poll.id);
  const [state, setState] = useState(() => initialState(poll));
  const [problem, setProblem] = useState<string | null>(null);
  const reasonRequired = poll.kind === 'proposal' && state.position === 'block';

  function vote(): CastVoteRequest | string {
    const reason = state.reason.trim() || undefined;
    if (poll.kind === 'proposal') {
      if (!state.position) return t('polls.vote.errors.position');
      if (state.position === 'block' && !reason) return t('polls.vote.errors.reason');
      return { position: state.position, reason };
    }
    if (poll.kind === 'dates') {
      if (Object.keys(state.answers).length === 0) return t('polls.vote.errors.dates');
      return { dateAnswers: state.answers, reason };
    }
    if (poll.kind === 'single' && state.optionIds.length !== 1) return t('polls.vote.errors.single');
    if (poll.kind === 'multiple' && state.optionIds.length === 0) return t('polls.vote.errors.multiple');
    return { optionIds: state.optionIds, reason };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = vote();
    if (typeof body === 'string') {
      setProblem(body);
      return;
    }
    setProblem(null);
    cast.mutate(body, { onSuccess: () => onDone?.() });
  }

  const choices = poll.options.map((option) => ({ id: option.id, label: option.label }));

  return (
    <form
      className={styles.vote}
      onSubmit={submit}
      noValidate
      aria-label={t('polls.vote.formLabel', { question: poll.question })}
    >
      {poll.kind === 'proposal' && (
        <RadioGroupField
          label={t('polls.vote.position')}
          options={proposalPositions.map((position: ProposalPosition) => ({
            id: position,
            label: t(`polls.positions.${position}`),
          }))}
          value={state.position}
          onChange={(value) => setState((s) => ({ ...s, position: value as ProposalPosition }))}
        />
      )}

      {poll.kind === 'single' && (
        <RadioGroupField
          label={t('polls.vote.chooseOne')}
          options={choices}
          value={state.optionIds[0] ?? null}
          onChange={(id) => setState((s) => ({ ...s, optionIds: [id] }))}
        />
      )}

      {poll.kind === 'multiple' && (
        <CheckboxGroupField
          label={t('polls.vote.chooseMany')}
          options={choices}
          value={state.optionIds}
          onChange={(optionIds) => setState((s) => ({ ...s, optionIds }))}
        />
      )}

      {poll.kind === 'dates' && (
        <AnswerTable
          caption={t('polls.vote.slotsCaption')}
          rowHeader={t('polls.vote.slot')}
          answers={dateAnswers.map((answer) => ({ id: answer, label: t(`polls.answers.${answer}`) }))}
          rows={poll.options.map((slot) => ({ id: slot.id, label: formatSlot(slot, i18n.language) }))}
          value={state.answers}
          onChange={(slotId, answer) =>
            setState((s) => ({ ...s, answers: { ...s.answers, [slotId]: answer } }))
          }
          answerLabel={(answer, slot) =>
            t('polls.vote.answerFor', { answer: answer.label, slot: slot.label })
          }
        />
      )}

      <TextAreaField
        label={reasonRequired ? t('polls.vote.reasonRequired') : t('polls.vote.reason')}
        rows={2}
        maxLength={2000}
        isRequired={reasonRequired}
        validationBehavior="aria"
        value={state.reason}
        onChange={(reason) => setState((s) => ({ ...s, reason }))}
      />

      <FormError message={problem ?? (cast.error ? errorMessage(cast.error) : null)} />
      <div className={styles.voteActions}>
        {onCancel && (
          <Button onPress={onCancel} isDisabled={cast.isPending}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" variant="primary" isPending={cast.isPending}>
          {poll.myVote ? t('polls.vote.update') : t('polls.vote.submit')}
        </Button>
      </div>
    </form>
  );
}
