import type { Participant, SessionDetail } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { groupByAnswer } from '../participants';

const order = ['yes', 'maybe', 'no', 'pending'] as const;

/** Facilitators see who answered what and who has not answered yet, in words (not only colours). */
export function ParticipantsPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const groups = groupByAnswer(session.participants);
  return (
    <section className="panel" aria-labelledby="session-participants-title">
      <h2 id="session-participants-title" className="panel__title">
        {t('sessions.participants.title')}
      </h2>
      <div className="session-answers">
        {order.map((key) => (
          <div key={key} className={`session-answers__group session-answers__group--${key}`}>
            <h3 className="session-answers__title">
              {t(`sessions.participants.${key}`, { count: groups[key].length })}
            </h3>
            {groups[key].length === 0 ? (
              <p className="muted">{t('sessions.participants.none')}</p>
            ) : (
              <ul className="plain-list session-answers__list">
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
    participant.role === 'guest' ? t('sessions.participants.guest') : null,
    participant.role === 'facilitator' ? t('sessions.participants.facilitator') : null,
  ].filter(Boolean);
  return (
    <li>
      {participant.person.displayName}
      {extra.length > 0 && <span className="muted"> ({extra.join(', ')})</span>}
    </li>
  );
}
