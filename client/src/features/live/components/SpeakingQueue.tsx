import type { LiveState } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import styles from '../live.module.css';
import { hasRaisedHand, queueDisplay } from '../queue-display';
import type { LiveMeeting } from '../use-live-meeting';

interface SpeakingQueueProps {
  state: LiveState;
  live: LiveMeeting;
  userId: string | undefined;
  canManage: boolean;
}

/** Raise one's hand, or lower it once raised. */
export function HandButton({ raised, live }: { raised: boolean; live: LiveMeeting }) {
  const { t } = useTranslation();
  return raised ? (
    <Button onPress={live.lowerHand} isPending={live.pending === 'hand'}>
      {t('live.queue.lower')}
    </Button>
  ) : (
    <Button variant="primary" onPress={live.raiseHand} isPending={live.pending === 'hand'}>
      {t('live.queue.raise')}
    </Button>
  );
}

/** Who has the floor and who asked for it, in order; raise or lower one's hand; facilitators give the floor. */
export function SpeakingQueue({ state, live, userId, canManage }: SpeakingQueueProps) {
  const { t } = useTranslation();
  const { speaker, waiting, nextNames } = queueDisplay(state);
  const raised = hasRaisedHand(state, userId);
  const running = state.status === 'live';
  return (
    <section className="panel live-queue" aria-labelledby="live-queue-title">
      <h2 id="live-queue-title" className="panel__title">
        {t('live.queue.title')}
      </h2>
      <p className={`live-queue__speaker ${styles.queueSpeaker}`}>
        {speaker ? t('live.queue.speaker', { name: speaker.displayName }) : t('live.queue.nobody')}
      </p>
      <p className={`live-queue__next ${styles.queueNext}`}>
        {nextNames ? t('live.queue.next', { names: nextNames }) : t('live.queue.empty')}
      </p>
      {running && (
        <div className={styles.queueActions}>
          {/* On a phone the hand is in the bar at the bottom of the screen (LivePhoneBar), always in reach. */}
          <span className={styles.queueHandWide}>
            <HandButton raised={raised} live={live} />
          </span>
          {canManage && speaker && (
            <Button
              variant="ghost"
              onPress={() => live.giveFloor(null)}
              isDisabled={live.pending === 'floor'}
            >
              {t('live.queue.close')}
            </Button>
          )}
        </div>
      )}
      {canManage && running && waiting.length > 0 && (
        <ol className={styles.queueList} aria-label={t('live.queue.listLabel')}>
          {waiting.map((person) => (
            <li key={person.id} className={styles.queuePerson}>
              <span>{person.displayName}</span>
              <Button
                size="sm"
                onPress={() => live.giveFloor(person.id)}
                isDisabled={live.pending === 'floor'}
                aria-label={t('live.queue.giveLabel', { name: person.displayName })}
              >
                {t('live.queue.give')}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
