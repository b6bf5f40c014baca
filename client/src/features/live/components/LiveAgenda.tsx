import type { AgendaItem } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import styles from '../live.module.css';

interface LiveAgendaProps {
  agenda: AgendaItem[];
  currentIndex: number | null;
  /** Facilitators jump to an item directly. */
  onGoto?: (index: number) => void;
}

/** The whole agenda, the current item marked in words and with aria-current. */
export function LiveAgenda({ agenda, currentIndex, onGoto }: LiveAgendaProps) {
  const { t } = useTranslation();
  return (
    <section className="panel live-agenda" aria-labelledby="live-agenda-title">
      <h2 id="live-agenda-title" className="panel__title">
        {t('live.agenda.title')}
      </h2>
      {agenda.length === 0 ? (
        <p className={styles.muted}>{t('live.agenda.empty')}</p>
      ) : (
        <ol className={styles.agendaList}>
          {agenda.map((item, index) => {
            const current = index === currentIndex;
            return (
              <li
                key={item.id}
                className={`live-agenda__item ${styles.agendaItem}${current ? ` ${styles.agendaItemCurrent}` : ''}`}
                aria-current={current ? 'step' : undefined}
              >
                <span className={styles.agendaTitle}>{item.title}</span>
                <span className={styles.agendaMeta}>
                  {t('live.agenda.minutes', { count: item.durationMinutes })}
                  {item.ownerName && ` · ${item.ownerName}`}
                </span>
                {current && <span className="badge badge--info">{t('live.agenda.current')}</span>}
                {onGoto && !current && (
                  <Button
                    size="sm"
                    variant="ghost"
                    className={styles.agendaGoto}
                    onPress={() => onGoto(index)}
                    aria-label={t('live.agenda.gotoLabel', { title: item.title })}
                  >
                    {t('live.agenda.goto')}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
