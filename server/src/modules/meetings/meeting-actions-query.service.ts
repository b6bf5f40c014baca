import type { FollowUpAction, ListActionsQuery, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actionsOfGroup, actionsOwnedBy } from './follow-up-rows';
import { assertGroupMeetings } from './meeting-group-access';

/** Reading follow-up actions across meetings (written by the live mode): a group's, and one's own. */
@Injectable()
export class MeetingActionsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The group's actions, due soonest first (members only). */
  async ofGroup(groupId: string, query: ListActionsQuery, subject: Subject): Promise<FollowUpAction[]> {
    assertGroupMeetings(groupId, subject);
    return actionsOfGroup(this.dataSource, groupId, query.status);
  }

  /** The actions the caller owns, in meetings they may still see. */
  async mine(query: ListActionsQuery, subject: Subject): Promise<FollowUpAction[]> {
    return actionsOwnedBy(this.dataSource, subject.userId, query.status);
  }
}
