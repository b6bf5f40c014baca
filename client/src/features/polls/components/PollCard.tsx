import type { Poll } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { FormError } from '../../../components/ui/FormError';
import { useErrorMessage } from '../../../lib/use-error-message';
import { formatMoment } from '../brussels-time';
import { useWithdrawVote } from '../hooks';
import styles from '../polls.module.css';
import { ClosePollDialog } from './ClosePollDialog';
import { PollResults, PollVoters, VoteSummary } from './PollResults';
import { PollVoteForm } from './PollVoteForm';

/** Votes are accepted until the closing time, even before the outcome is written. */
export const isPollOpen = (poll: Poll, now = Date.now()) =>
  poll.closedAt === null && new Date(poll.closesAt).getTime() > now;

/** One poll of a thread: question, deadline, live results, my vote and its form, voters, closing. */
export function PollCard({ poll, canVote = true }: { poll: Poll; canVote?: boolean }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const withdraw = useWithdrawVote(poll.id);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const open = isPollOpen(poll);
  const headingId = `poll-${poll.id}-title`;

  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <header className={styles.cardHeader}>
        <span className="badge badge--info">{t(`polls.kinds.${poll.kind}`)}</span>
        <span className={`badge ${open ? 'badge--success' : 'badge--neutral'}`}>
          {open ? t('polls.status.open') : t('polls.status.closed')}
        </span>
      </header>
      <h3 id={headingId} className={styles.cardQuestion}>
        {poll.question}
      </h3>
      {poll.details && <p className={styles.cardDetails}>{poll.details}</p>}
      <p className={`${styles.cardMeta} muted`}>
        {t('polls.byAuthor', { name: poll.author.displayName })} ·{' '}
        {poll.closedAt
          ? t('polls.closedOn', { date: formatMoment(poll.closedAt, i18n.language) })
          : open
            ? t('polls.closesOn', { date: formatMoment(poll.closesAt, i18n.language) })
            : t('polls.endedOn', { date: formatMoment(poll.closesAt, i18n.language) })}
      </p>

      {poll.outcome && (
        <section className={styles.cardOutcome} aria-label={t('polls.outcome')}>
          <h4>{t('polls.outcome')}</h4>
          <p>{poll.outcome}</p>
        </section>
      )}

      <p className={styles.cardTurnout}>
        {t('polls.turnout', { count: poll.voterCount, electorate: poll.electorate })}
        {poll.quorum !== null && (
          <>
            {' · '}
            <span className={poll.quorumReached ? `${styles.quorum} ${styles.quorumReached}` : styles.quorum}>
              {poll.quorumReached
                ? t('polls.quorum.reached', { quorum: poll.quorum })
                : t('polls.quorum.missing', { quorum: poll.quorum, missing: poll.quorum - poll.voterCount })}
            </span>
          </>
        )}
      </p>

      <PollResults poll={poll} />

      {open && canVote && (
        <div className="poll-card__vote">
          {poll.myVote && !editing ? (
            <div className={styles.cardMyVote}>
              <p>
                <strong>{t('polls.myVote')}</strong> <VoteSummary poll={poll} vote={poll.myVote} />
              </p>
              <div className={styles.cardActions}>
                <Button size="sm" onPress={() => setEditing(true)}>
                  {t('polls.vote.change')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onPress={() => withdraw.mutate()}
                  isPending={withdraw.isPending}
                >
                  {t('polls.vote.withdraw')}
                </Button>
              </div>
              <FormError message={withdraw.error ? errorMessage(withdraw.error) : null} />
            </div>
          ) : (
            <PollVoteForm
              key={poll.myVote?.votedAt ?? 'new'}
              poll={poll}
              onDone={() => setEditing(false)}
              onCancel={poll.myVote ? () => setEditing(false) : undefined}
            />
          )}
        </div>
      )}

      <PollVoters poll={poll} />

      {poll.canClose && (
        <>
          <div className={styles.cardActions}>
            <Button variant="secondary" onPress={() => setClosing(true)}>
              {t('polls.close.open')}
            </Button>
          </div>
          <ClosePollDialog poll={poll} isOpen={closing} onOpenChange={setClosing} />
        </>
      )}
    </article>
  );
}
