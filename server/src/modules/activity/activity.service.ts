import {
  type ActivityPage,
  can,
  type ListActivityQuery,
  type MarkActivityReadRequest,
  type MarkActivityReadResult,
  type Subject,
} from '@affluents/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, forbidden } from '../../common/errors/app-error';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import {
  type ActivityDraft,
  activityFromRow,
  countUnreadActivity,
  insertActivity,
  markActivityRead,
  selectActivity,
} from './activity-rows';

// Keyset cursor: the exact (microsecond) creation time and the id of the last item of a page.
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/;

/** « Nouveautés » of my groups: recording what happened, listing it with what is unread, read markers. */
@Injectable()
export class ActivityService {
  private readonly logger = new Logger('Activity');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: RealtimeHub,
  ) {}

  /** Stores one thing that happened in a group and tells the group's open pages (`activity:new`). */
  async record(draft: ActivityDraft): Promise<string> {
    const id = await insertActivity(this.dataSource.manager, draft);
    try {
      this.hub.emit(rooms.group(draft.groupId), 'activity:new', { groupId: draft.groupId });
    } catch (err) {
      // Stored already: members see it at their next refetch even if the live signal failed.
      this.logger.warn(`live push failed: ${(err as Error).message}`);
    }
    return id;
  }

  /**
   * My groups' activity (or one group's, when I am its member: else 403), newest first, each item unread
   * when it came after my read marker in its group and was not mine, with the number of unread items.
   */
  async news(subject: Subject, query: ListActivityQuery): Promise<ActivityPage> {
    const groupIds = this.groupsOf(subject, query.groupId);
    let after: { createdAt: string; id: string } | null = null;
    if (query.cursor) {
      const match = CURSOR.exec(query.cursor);
      if (!match)
        throw badRequest('Curseur de pagination invalide', [{ path: 'cursor', message: 'Curseur invalide' }]);
      after = { createdAt: match[1], id: match[2] };
    }
    const rows = await selectActivity(this.dataSource.manager, subject.userId, groupIds, {
      limit: query.limit + 1,
      after,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(activityFromRow),
      totalUnread: await countUnreadActivity(this.dataSource.manager, subject.userId, groupIds),
      nextCursor: rows.length > query.limit ? page[page.length - 1].cursor : null,
    };
  }

  /** Everything up to now is read, in one of my groups (else 403) or in all of them. */
  async markRead(subject: Subject, request: MarkActivityReadRequest): Promise<MarkActivityReadResult> {
    const groupIds = this.groupsOf(subject, request.groupId);
    if (groupIds.length > 0) await markActivityRead(this.dataSource.manager, subject.userId, groupIds);
    const all = this.groupsOf(subject);
    return { totalUnread: await countUnreadActivity(this.dataSource.manager, subject.userId, all) };
  }

  /** The groups whose activity I may see: `groupId` alone (403 when not mine), or all mine. */
  private groupsOf(subject: Subject, groupId?: string): string[] {
    if (groupId) {
      if (!can(subject, 'activity.view', { groupId })) throw forbidden('Vous n’êtes pas membre de ce groupe');
      return [groupId];
    }
    return subject.memberships
      .map((m) => m.groupId)
      .filter((id) => can(subject, 'activity.view', { groupId: id }));
  }
}
