import { useParams } from 'react-router';
import { MinutesView } from '../features/live/components/MinutesView';
import { SessionGate } from '../features/live/components/SessionGate';

/** `/rencontres/:sessionId/proces-verbal`: the minutes, from draft and review to the published version. */
export function SessionMinutesPage() {
  const { sessionId = '' } = useParams();
  return (
    <SessionGate sessionId={sessionId}>
      {(session) => <MinutesView key={session.id} session={session} />}
    </SessionGate>
  );
}
