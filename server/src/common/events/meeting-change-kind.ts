import type { NotificationKind } from '@affluents/contracts';
import type { MeetingChange } from './domain-events';

/** The notification kind of a meeting's change: what the bell says and which mail preference applies. */
export function meetingChangeKind(change: MeetingChange): NotificationKind {
  if (change === 'cancelled') return 'meeting_cancelled';
  if (change === 'reinstated') return 'meeting_planned';
  return 'meeting_moved';
}
