import type { MeetingDetail, Participant } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import styles from '../meetings.module.css';
import { groupByAnswer } from '../participants';

const order = ['yes', 'maybe', 'no', 'pending'] as const;

/** Facilitators see who answered what and who has not answered yet, in words (not only colours). */
export function ParticipantsPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const groups = groupByAnswer(meeting.participants);
  return (
    <section className="panel" aria-labelledby="meeting-participants-title">
      <h2 id="meeting-participants-title" className="panel__title">
        {t('meetings.participants.title')}
      </h2>
      <div className={styles.answers}>
        {order.map((key) => (
          <div key={key} className={`meeting-answers__group meeting-answers__group--${key}`}>
            <h3 className={styles.answersTitle}>
              {t(`meetings.participants.${key}`, { count: groups[key].length })}
            </h3>
            {groups[key].length === 0 ? (
              <p className="muted">{t('meetings.participants.none')}</p>
            ) : (
              <ul className={`plain-list ${styles.answersList}`}>
                {groups[key].map((p) => (
                  <ParticipantLine key={p.person.id} participant={p} />
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function ParticipantLine({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const extra = [
    participant.organisation,
    participant.role === 'guest' ? t('meetings.participants.guest') : null,
    participant.role === 'facilitator' ? t('meetings.participants.facilitator') : null,
  ].filter(Boolean);
  return (
    <li>
      {participant.person.displayName}
      {extra.length > 0 && <span className="muted"> ({extra.join(', ')})</span>}
    </li>
  );
}
