import { type Action, can, type Subject } from '@affluents/contracts';
import { forbidden, notFound } from '../../common/errors/app-error';

/**
 * Group-level meeting routes (lists, planning, actions) are for the group's members only. Anyone
 * else, a guest of one of its meetings included, gets 404: a guest sees their meeting and nothing
 * else of the group. A member lacking the action (not a facilitator) gets 403.
 */
export function assertGroupMeetings(
  groupId: string,
  subject: Subject,
  action: Action = 'meeting.view',
): void {
  if (!subject.memberships.some((m) => m.groupId === groupId)) throw notFound('Groupe introuvable');
  if (!can(subject, action, { groupId })) throw forbidden();
}
