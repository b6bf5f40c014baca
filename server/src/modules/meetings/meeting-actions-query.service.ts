import type { FollowUpAction, ListActionsQuery, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertGroupMeetings } from './meeting-group-access';
import { selectActions } from './meeting-rows';

const statusFilter = (status: ListActionsQuery['status']) =>
  status === 'all' ? 'AND $2::text IS NULL' : 'AND a.status = $2';

/** Reading follow-up actions across meetings (written by the live mode): a group's, and one's own. */
@Injectable()
export class MeetingActionsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The group's actions, due soonest first (members only). */
  async ofGroup(groupId: string, query: ListActionsQuery, subject: Subject): Promise<FollowUpAction[]> {
    assertGroupMeetings(groupId, subject);
    return selectActions(
      this.dataSource.manager,
      `WHERE a.group_id = $1 ${statusFilter(query.status)} ORDER BY a.due_on ASC NULLS LAST, a.created_at`,
      [groupId, query.status === 'all' ? null : query.status],
    );
  }

  /** The actions the caller owns, in meetings they may still see. */
  async mine(query: ListActionsQuery, subject: Subject): Promise<FollowUpAction[]> {
    return selectActions(
      this.dataSource.manager,
      `WHERE a.owner_id = $1 ${statusFilter(query.status)}
         AND (s.group_id IN (SELECT group_id FROM memberships WHERE user_id = $1)
              OR EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $1))
       ORDER BY a.due_on ASC NULLS LAST, a.created_at`,
      [subject.userId, query.status === 'all' ? null : query.status],
    );
  }
}
