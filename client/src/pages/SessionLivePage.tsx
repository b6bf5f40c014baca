import { useParams } from 'react-router';
import { LiveSessionView } from '../features/live/components/LiveSessionView';
import { SessionGate } from '../features/live/components/SessionGate';

/** `/rencontres/:sessionId/direct`: the session run live. */
export function SessionLivePage() {
  const { sessionId = '' } = useParams();
  return (
    <SessionGate sessionId={sessionId}>
      {(session) => <LiveSessionView key={session.id} session={session} />}
    </SessionGate>
  );
}
