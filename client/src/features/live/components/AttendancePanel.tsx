import type { AttendanceState, Participant } from '@affluents/contracts';
import { attendanceStates } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { SegmentedChoice } from '../../../components/ui/SegmentedChoice';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useSetAttendance } from '../hooks';
import styles from '../live.module.css';

interface AttendancePanelProps {
  meetingId: string;
  participants: Participant[];
}

/** Facilitators note who is present, excused or absent (members and guests); each choice is saved at once. */
export function AttendancePanel({ meetingId, participants }: AttendancePanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const setAttendance = useSetAttendance(meetingId);
  const choosing = setAttendance.isPending ? setAttendance.variables : undefined;

  function choose(userId: string, state: AttendanceState) {
    setAttendance.mutate(
      { userId, state },
      { onError: (error) => notify.error(t('live.attendance.failed'), errorMessage(error)) },
    );
  }

  return (
    <section className="panel live-attendance" aria-labelledby="live-attendance-title">
      <h2 id="live-attendance-title" className="panel__title">
        {t('live.attendance.title')}
      </h2>
      <ul className={styles.attendanceList}>
        {participants.map((participant) => {
          const { person } = participant;
          const value = choosing?.userId === person.id ? choosing.state : participant.attendance;
          return (
            <li key={person.id} className={styles.attendanceRow}>
              <span className={styles.attendanceName}>
                {person.displayName}
                {participant.role !== 'member' && (
                  <span className={styles.muted}> · {t(`live.roles.${participant.role}`)}</span>
                )}
              </span>
              <SegmentedChoice
                aria-label={t('live.attendance.of', { name: person.displayName })}
                options={attendanceStates.map((state) => ({
                  id: state,
                  label: t(`live.attendance.states.${state}`),
                }))}
                value={value}
                onChange={(next) => choose(person.id, next as AttendanceState)}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
