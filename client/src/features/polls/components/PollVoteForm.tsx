import {
  type CastVoteRequest,
  type DateAnswer,
  dateAnswers,
  type Poll,
  type ProposalPosition,
  proposalPositions,
} from '@affluents/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { FormError } from '../../../components/ui/FormError';
import { useErrorMessage } from '../../../lib/use-error-message';
import { formatSlot } from '../brussels-time';
import { useCastVote } from '../hooks';

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
  const idBase = useId();
  const reasonId = `${idBase}-reason`;
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

  const toggle = (id: string, checked: boolean) =>
    setState((s) => ({
      ...s,
      optionIds:
        poll.kind === 'single' ? [id] : checked ? [...s.optionIds, id] : s.optionIds.filter((x) => x !== id),
    }));

  return (
    <form
      className="poll-vote"
      onSubmit={submit}
      noValidate
      aria-label={t('polls.vote.formLabel', { question: poll.question })}
    >
      {poll.kind === 'proposal' && (
        <fieldset className="poll-vote__choices">
          <legend className="field__label">{t('polls.vote.position')}</legend>
          {proposalPositions.map((position: ProposalPosition) => (
            <label key={position} className={`poll-choice poll-choice--${position}`}>
              <input
                type="radio"
                name={`${idBase}-position`}
                value={position}
                checked={state.position === position}
                onChange={() => setState((s) => ({ ...s, position }))}
              />
              <span>{t(`polls.positions.${position}`)}</span>
            </label>
          ))}
        </fieldset>
      )}

      {(poll.kind === 'single' || poll.kind === 'multiple') && (
        <fieldset className="poll-vote__choices">
          <legend className="field__label">
            {t(poll.kind === 'single' ? 'polls.vote.chooseOne' : 'polls.vote.chooseMany')}
          </legend>
          {poll.options.map((option) => (
            <label key={option.id} className="poll-choice">
              <input
                type={poll.kind === 'single' ? 'radio' : 'checkbox'}
                name={`${idBase}-options`}
                value={option.id}
                checked={state.optionIds.includes(option.id)}
                onChange={(e) => toggle(option.id, e.currentTarget.checked)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
      )}

      {poll.kind === 'dates' && (
        <div className="poll-dates">
          <table className="poll-dates__table">
            <caption className="field__label">{t('polls.vote.slotsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('polls.vote.slot')}</th>
                {dateAnswers.map((answer) => (
                  <th key={answer} scope="col">
                    {t(`polls.answers.${answer}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {poll.options.map((slot) => {
                const slotText = formatSlot(slot, i18n.language);
                return (
                  <tr key={slot.id}>
                    <th scope="row">{slotText}</th>
                    {dateAnswers.map((answer) => (
                      <td key={answer}>
                        <label className={`poll-dates__cell poll-dates__cell--${answer}`}>
                          <input
                            type="radio"
                            name={`${idBase}-slot-${slot.id}`}
                            value={answer}
                            checked={state.answers[slot.id] === answer}
                            onChange={() =>
                              setState((s) => ({ ...s, answers: { ...s.answers, [slot.id]: answer } }))
                            }
                          />
                          <span className="visually-hidden">
                            {t('polls.vote.answerFor', {
                              answer: t(`polls.answers.${answer}`),
                              slot: slotText,
                            })}
                          </span>
                        </label>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <div className="field">
        <label className="field__label" htmlFor={reasonId}>
          {reasonRequired ? t('polls.vote.reasonRequired') : t('polls.vote.reason')}
        </label>
        <textarea
          id={reasonId}
          className="field__input poll-vote__reason"
          rows={2}
          maxLength={2000}
          required={reasonRequired}
          aria-required={reasonRequired}
          value={state.reason}
          onChange={(e) => {
            // Read now: the event is gone when React runs the updater.
            const reason = e.currentTarget.value;
            setState((s) => ({ ...s, reason }));
          }}
        />
      </div>

      <FormError message={problem ?? (cast.error ? errorMessage(cast.error) : null)} />
      <div className="poll-vote__actions">
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
