import { type Poll, type PollVote, type ProposalPosition, proposalPositions } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { formatSlot } from '../brussels-time';
import styles from '../polls.module.css';

const percent = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 100));

interface Row {
  key: string;
  label: string;
  yes: number;
  maybe: number;
}

/** Rows of the results in the poll's order: positions for a proposal, else its options. */
function resultRows(poll: Poll, label: (key: string) => string): Row[] {
  const byKey = new Map(poll.tallies.map((x) => [x.key, x]));
  const keys = poll.kind === 'proposal' ? [...proposalPositions] : poll.options.map((o) => o.id);
  return keys.map((key) => ({
    key,
    label: label(key),
    yes: byKey.get(key)?.yes ?? 0,
    maybe: byKey.get(key)?.maybe ?? 0,
  }));
}

/** Live results as bars whose numbers are written out: the colour only repeats the text. */
export function PollResults({ poll }: { poll: Poll }) {
  const { t, i18n } = useTranslation();
  const optionLabel = new Map(
    poll.options.map((o) => [o.id, poll.kind === 'dates' ? formatSlot(o, i18n.language) : o.label]),
  );
  const rows = resultRows(poll, (key) =>
    poll.kind === 'proposal'
      ? t(`polls.positions.${key as ProposalPosition}`)
      : (optionLabel.get(key) ?? key),
  );
  const total = poll.voterCount;
  return (
    <ul className={styles.results} aria-label={t('polls.results.title')}>
      {rows.map((row) => {
        const yes = percent(row.yes, total);
        const maybe = percent(row.maybe, total);
        const text =
          poll.kind === 'dates'
            ? t('polls.results.dateCount', { yes: row.yes, maybe: row.maybe, percent: yes })
            : t('polls.results.count', { count: row.yes, percent: yes });
        return (
          <li key={row.key} className={row.key === 'block' ? styles.resultBlock : undefined}>
            <div className={styles.resultText}>
              <span className={styles.resultLabel}>{row.label}</span>
              <span className={styles.resultCount}>{text}</span>
            </div>
            <div className={styles.resultTrack} aria-hidden="true">
              <span className={styles.resultBar} style={{ width: `${yes}%` }} />
              {poll.kind === 'dates' && (
                <span
                  className={`${styles.resultBar} ${styles.resultBarMaybe}`}
                  style={{ width: `${maybe}%` }}
                />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** One person's vote, in words. */
export function VoteSummary({ poll, vote }: { poll: Poll; vote: PollVote }) {
  const { t, i18n } = useTranslation();
  if (poll.kind === 'proposal') return <>{vote.position ? t(`polls.positions.${vote.position}`) : ''}</>;
  if (poll.kind === 'dates') {
    return (
      <>
        {poll.options
          .filter((o) => vote.dateAnswers[o.id])
          .map((o) => `${formatSlot(o, i18n.language)} : ${t(`polls.answers.${vote.dateAnswers[o.id]}`)}`)
          .join(' ; ')}
      </>
    );
  }
  return (
    <>
      {poll.options
        .filter((o) => vote.optionIds.includes(o.id))
        .map((o) => o.label)
        .join(', ')}
    </>
  );
}

/** Who voted and what, with their reasons (visible to the thread's readers, as in Loomio). */
export function PollVoters({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  if (poll.votes.length === 0) return <p className="muted">{t('polls.voters.none')}</p>;
  return (
    <details className={styles.voters}>
      <summary>{t('polls.voters.title', { count: poll.votes.length })}</summary>
      <ul>
        {poll.votes.map((vote) => (
          <li key={vote.voter.id}>
            <strong>{vote.voter.displayName}</strong> : <VoteSummary poll={poll} vote={vote} />
            {vote.reason && <p className={styles.votersReason}>« {vote.reason} »</p>}
          </li>
        ))}
      </ul>
    </details>
  );
}
