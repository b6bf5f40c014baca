import type { LiveState } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import styles from '../live.module.css';
import { hasRaisedHand } from '../queue-display';
import type { LiveMeeting } from '../use-live-meeting';
import { HandButton } from './SpeakingQueue';

/**
 * On a phone (one column), the current item and « Lever la main » stay at the bottom of the screen while
 * the notes, the agenda and the decisions scroll; hidden on wider screens, where both are in view.
 */
export function LivePhoneBar({
  state,
  live,
  userId,
}: {
  state: LiveState;
  live: LiveMeeting;
  userId: string | undefined;
}) {
  const { t } = useTranslation();
  if (state.status !== 'live') return null;
  return (
    <section className={styles.phoneBar} aria-label={t('live.phoneBar.label')}>
      <p className={styles.phoneBarItem}>
        {state.item && state.currentItem !== null
          ? t('live.phoneBar.item', { number: state.currentItem + 1, title: state.item.title })
          : t('live.phoneBar.noItem')}
      </p>
      <HandButton raised={hasRaisedHand(state, userId)} live={live} />
    </section>
  );
}
