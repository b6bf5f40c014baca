import { useParams } from 'react-router';
import { LiveMeetingView } from '../features/live/components/LiveMeetingView';
import { MeetingGate } from '../features/live/components/MeetingGate';

/** `/rencontres/:meetingId/direct`: the meeting run live. */
export function MeetingLivePage() {
  const { meetingId = '' } = useParams();
  return (
    <MeetingGate meetingId={meetingId}>
      {(meeting) => <LiveMeetingView key={meeting.id} meeting={meeting} />}
    </MeetingGate>
  );
}
