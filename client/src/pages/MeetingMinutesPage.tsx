import { useParams } from 'react-router';
import { MeetingGate } from '../features/live/components/MeetingGate';
import { MinutesView } from '../features/live/components/MinutesView';

/** `/rencontres/:meetingId/proces-verbal`: the minutes, from draft and review to the published version. */
export function MeetingMinutesPage() {
  const { meetingId = '' } = useParams();
  return (
    <MeetingGate meetingId={meetingId}>
      {(meeting) => <MinutesView key={meeting.id} meeting={meeting} />}
    </MeetingGate>
  );
}
