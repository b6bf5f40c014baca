import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { NewPollDialog } from './components/NewPollDialog';
import { PollCard } from './components/PollCard';
import { usePollLiveUpdates, useThreadPolls } from './hooks';
import styles from './polls.module.css';

/** The polls of a thread, live: each with its results and voting form, and "Nouveau sondage" for members. */
export function ThreadPolls({
  threadId,
  canCreate,
  canVote = true,
}: {
  threadId: string;
  canCreate: boolean;
  /** False for readers who may not vote (a former member keeping read access). */
  canVote?: boolean;
}) {
  const { t } = useTranslation();
  const polls = useThreadPolls(threadId);
  const [creating, setCreating] = useState(false);
  usePollLiveUpdates(threadId);

  return (
    <section className={styles.threadPolls} aria-labelledby={`polls-${threadId}`}>
      <div className={styles.threadPollsHeader}>
        <h2 id={`polls-${threadId}`} className={styles.threadPollsTitle}>
          {t('polls.title')}
        </h2>
        {canCreate && (
          <Button variant="secondary" size="sm" onPress={() => setCreating(true)}>
            {t('polls.create.open')}
          </Button>
        )}
      </div>
      {polls.isPending ? (
        <LoadingState label={t('polls.loading')} />
      ) : polls.isError ? (
        <ErrorState error={polls.error} onRetry={() => void polls.refetch()} />
      ) : polls.data.length === 0 ? (
        canCreate ? (
          <p className="muted">{t('polls.empty')}</p>
        ) : null
      ) : (
        <div className={styles.threadPollsList}>
          {polls.data.map((poll) => (
            <PollCard key={poll.id} poll={poll} canVote={canVote} />
          ))}
        </div>
      )}
      {canCreate && <NewPollDialog threadId={threadId} isOpen={creating} onOpenChange={setCreating} />}
    </section>
  );
}
