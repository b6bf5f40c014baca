import type { AgendaItem, LiveState } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import styles from '../live.module.css';
import { formatDuration, itemTimer } from '../live-clock';
import { useNow } from '../use-now';

interface CurrentItemPanelProps {
  state: LiveState;
  offset: number;
  next: AgendaItem | null;
}

/** The item being discussed, big, with its timer "12:30 / 20:00" (and "Temps dépassé" in words) and the next one. */
export function CurrentItemPanel({ state, offset, next }: CurrentItemPanelProps) {
  const { t } = useTranslation();
  const now = useNow(state.status === 'live' && !!state.item);
  const item = state.item;
  if (!item) {
    return (
      <section className={styles.current} aria-labelledby="live-current-title">
        <h2 id="live-current-title" className={styles.currentEyebrow}>
          {t('live.current.heading')}
        </h2>
        <p className={`live-current__title ${styles.currentTitle}`}>{t('live.current.none')}</p>
      </section>
    );
  }
  const timer = itemTimer(state.itemStartedAt, item.durationMinutes, now, offset);
  return (
    <section
      className={`${styles.current}${timer.overTime ? ` ${styles.currentOver}` : ''}`}
      aria-labelledby="live-current-title"
    >
      <h2 id="live-current-title" className={styles.currentEyebrow}>
        {t('live.current.heading')}
        {state.currentItem !== null && (
          <span className={styles.currentPosition}>
            {' '}
            {t('live.current.position', { number: state.currentItem + 1 })}
          </span>
        )}
      </h2>
      <p className={`live-current__title ${styles.currentTitle}`}>{item.title}</p>
      {item.ownerName && (
        <p className={styles.currentOwner}>{t('live.current.owner', { name: item.ownerName })}</p>
      )}
      <p className={styles.timer}>
        <span className={styles.timerLabel}>{t('live.timer.label')}</span>{' '}
        <span className={styles.timerValue} data-testid="live-timer">
          {timer.label}
        </span>
        {timer.overTime && (
          <span className={styles.timerOver}>
            {t('live.timer.over', { time: formatDuration(timer.overByMs) })}
          </span>
        )}
      </p>
      <p className={styles.currentNext}>
        {next ? t('live.current.next', { title: next.title }) : t('live.current.last')}
      </p>
    </section>
  );
}
