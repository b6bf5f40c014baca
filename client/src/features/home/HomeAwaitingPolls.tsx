import type { AwaitingPoll, MeetingSummary } from '@affluents/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/ui';
import { Button } from '../../components/ui/Button';
import { notify } from '../../components/ui/toast';
import { formatMoment } from '../polls/brussels-time';
import { PollVoteForm } from '../polls/components/PollVoteForm';
import { useAwaitingPolls } from '../polls/hooks';
import styles from './home.module.css';

/**
 * "Votre vote est attendu": the open polls of my groups and meetings that I have not answered, a meeting's
 * date poll named after its meeting; I vote here (one poll unfolded at a time) or open it in one tap.
 * Nothing is shown when nothing waits.
 */
export function HomeAwaitingPolls({ meetings }: { meetings: readonly MeetingSummary[] }) {
  const { t } = useTranslation();
  const polls = useAwaitingPolls();
  const [voting, setVoting] = useState<string | null>(null);
  const headingId = useId();
  if (!polls.data?.length) return null;
  const meetingOf = new Map(meetings.filter((m) => m.datePollId).map((m) => [m.datePollId, m]));
  return (
    <section className={`panel home-polls ${styles.attention}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('home.polls.title')} <span className="count">({polls.data.length})</span>
      </h2>
      <ul className={styles.list}>
        {polls.data.map((item) => (
          <AwaitingPollItem
            key={item.poll.id}
            item={item}
            meeting={meetingOf.get(item.poll.id)}
            isVoting={voting === item.poll.id}
            onToggle={() => setVoting((open) => (open === item.poll.id ? null : item.poll.id))}
            onVoted={() => {
              setVoting(null);
              notify.success(t('home.polls.voted'));
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function AwaitingPollItem({
  item,
  meeting,
  isVoting,
  onToggle,
  onVoted,
}: {
  item: AwaitingPoll;
  meeting: MeetingSummary | undefined;
  isVoting: boolean;
  onToggle: () => void;
  onVoted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { poll } = item;
  const titleId = `home-poll-${poll.id}`;
  return (
    <li className={styles.item} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.itemTitle}>
        {meeting ? t('home.polls.datePoll', { title: meeting.title }) : poll.question}
      </h3>
      <p className={styles.meta}>
        {meeting ? poll.question : t('home.polls.inThread', { title: item.threadTitle })}
        {' · '}
        {t('home.polls.closes', { date: formatMoment(poll.closesAt, i18n.language) })}
      </p>
      <div className={styles.itemActions}>
        <Button
          size="sm"
          variant={isVoting ? 'secondary' : 'primary'}
          aria-expanded={isVoting}
          aria-controls={isVoting ? `${titleId}-vote` : undefined}
          aria-label={isVoting ? undefined : t('home.polls.voteHereFor', { question: poll.question })}
          onPress={onToggle}
        >
          {isVoting ? t('home.polls.hideVote') : t('home.polls.voteHere')}
        </Button>
        <Link href={meeting ? `/rencontres/${meeting.id}` : `/discussions/${poll.threadId}`} className="link">
          {meeting ? t('home.polls.openMeeting') : t('home.polls.openThread')}
        </Link>
      </div>
      {isVoting && (
        <div id={`${titleId}-vote`} className={styles.vote}>
          <PollVoteForm poll={poll} onDone={onVoted} onCancel={onToggle} />
        </div>
      )}
    </li>
  );
}
