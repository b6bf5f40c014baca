import type { Decision, FollowUpAction, Participant } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import styles from '../live.module.css';

/** The decisions of a meeting, in order. */
export function DecisionList({ decisions }: { decisions: Decision[] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) return <p className={styles.muted}>{t('live.facts.noDecision')}</p>;
  return (
    <ol className={`live-facts__list ${styles.factsList}`}>
      {decisions.map((decision) => (
        <li key={decision.id}>{decision.text}</li>
      ))}
    </ol>
  );
}

/** The follow-up actions: what, who, by when, and whether done. */
export function ActionList({ actions }: { actions: FollowUpAction[] }) {
  const { t, i18n } = useTranslation();
  if (actions.length === 0) return <p className={styles.muted}>{t('live.facts.noAction')}</p>;
  return (
    <ul className={`live-facts__list ${styles.factsList}`}>
      {actions.map((action) => (
        <li key={action.id}>
          <span className={styles.factsWhat}>{action.title}</span>
          <span className={styles.muted}>
            {' – '}
            {action.owner ? action.owner.displayName : t('live.facts.noOwner')}
            {action.dueOn &&
              `, ${t('live.facts.due', { date: formatDate('day', action.dueOn, i18n.language) })}`}
            {action.status === 'done' && `, ${t('live.facts.done')}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Who came, who was excused, who was absent. */
export function AttendanceSummary({ participants }: { participants: Participant[] }) {
  const { t } = useTranslation();
  const groups = (['present', 'excused', 'absent'] as const).map((state) => ({
    state,
    names: participants.filter((p) => p.attendance === state).map((p) => p.person.displayName),
  }));
  return (
    <dl className={`live-facts__attendance ${styles.factsAttendance}`}>
      {groups.map(({ state, names }) => (
        <div key={state}>
          <dt>{t(`live.attendance.groups.${state}`)}</dt>
          <dd>{names.length > 0 ? names.join(', ') : t('live.facts.nobody')}</dd>
        </div>
      ))}
    </dl>
  );
}
