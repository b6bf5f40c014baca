import { type Action, can, type Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserDirectory } from '../../identity/user-directory';
import { DiscussionAudience } from '../discussions/discussion-audience';
import { FichesService } from '../fiches/fiches.service';
import { MeetingAudience } from '../meetings/meeting-audience';

/**
 * What some notifications are about: their threads, the fiches of those about no thread, and the meetings
 * of those about neither.
 */
export interface NotificationTopics {
  threadIds: string[];
  ficheIds: string[];
  meetingIds: string[];
}

/**
 * Who may receive a notification: the same `can()` policy as the routes, applied to many users at once.
 * Subjects come from identity's UserDirectory, thread grants and readable threads from the discussions
 * module, fiches' groups from the fiches module, meetings' guests and groups from the meetings module
 * (MeetingAudience): notifications read none of their tables.
 * `db`: the caller's transaction, when it asks inside one (embedded mode has one connection).
 */
@Injectable()
export class NotificationAudience {
  constructor(
    private readonly users: UserDirectory,
    private readonly discussions: DiscussionAudience,
    private readonly fiches: FichesService,
    private readonly meetings: MeetingAudience,
  ) {}

  /** Those of `userIds` who may read the thread now: members of its group, or holders of a grant on it. */
  async threadViewers(
    thread: { id: string; groupId: string },
    userIds: string[],
    db?: EntityManager,
  ): Promise<Set<string>> {
    return (await this.threadsViewers([{ thread, userIds }], db)).get(thread.id) ?? new Set();
  }

  /** `threadViewers` for several threads in two queries (a batch of messages): thread id -> viewers. */
  async threadsViewers(
    asks: Array<{ thread: { id: string; groupId: string }; userIds: string[] }>,
    db?: EntityManager,
  ): Promise<Map<string, Set<string>>> {
    const answer = new Map(asks.map((a) => [a.thread.id, new Set<string>()]));
    const subjects = await this.users.activeSubjectsOf(
      asks.flatMap((a) => a.userIds),
      db,
    );
    if (subjects.size === 0) return answer;
    const grants = await this.discussions.grantKinds(
      [...new Set(asks.map((a) => a.thread.id))],
      [...subjects.keys()],
      db,
    );
    const grantOf = new Map(grants.map((g) => [`${g.threadId}:${g.userId}`, g.kind]));
    for (const { thread, userIds } of asks) {
      const viewers = answer.get(thread.id) ?? new Set<string>();
      for (const userId of userIds) {
        const subject = subjects.get(userId);
        const threadGrant = grantOf.get(`${thread.id}:${userId}`);
        if (subject && can(subject, 'thread.view', { groupId: thread.groupId, threadGrant }))
          viewers.add(userId);
      }
      answer.set(thread.id, viewers);
    }
    return answer;
  }

  /**
   * Of what some of `subject`'s notifications are about, what they may still read, by the same policy as
   * delivery (the thread: `thread.view`, from its group or a grant, asked of the discussions module; the
   * fiche: `fiche.comment` in its group). Listing keeps only those, so leaving a group hides that group's
   * titles and excerpts at once, and a grant given later (a former member who keeps reading) shows them
   * again. One query per owner, whatever the number of notifications.
   */
  async readableTopics(subject: Subject, topics: NotificationTopics): Promise<NotificationTopics> {
    const [threads, ficheGroups, meetings] = await Promise.all([
      topics.threadIds.length > 0
        ? this.discussions.readableThreads(subject, topics.threadIds)
        : new Set<string>(),
      topics.ficheIds.length > 0 ? this.fiches.groupsOf(topics.ficheIds) : new Map<string, string>(),
      topics.meetingIds.length > 0 ? this.meetings.viewable(subject, topics.meetingIds) : new Set<string>(),
    ]);
    return {
      threadIds: topics.threadIds.filter((id) => threads.has(id)),
      ficheIds: topics.ficheIds.filter((id) => {
        const groupId = ficheGroups.get(id);
        return groupId !== undefined && can(subject, 'fiche.comment', { groupId });
      }),
      meetingIds: topics.meetingIds.filter((id) => meetings.has(id)),
    };
  }

  /**
   * Those of `userIds` who may see the meeting now (`meeting.view`: members of its group, or guests of
   * this one meeting, `guestIds`).
   */
  async meetingViewers(
    meeting: { groupId: string; guestIds: readonly string[] },
    userIds: string[],
    db?: EntityManager,
  ): Promise<Set<string>> {
    const guests = new Set(meeting.guestIds);
    const subjects = await this.users.activeSubjectsOf(userIds, db);
    return new Set(
      [...subjects]
        .filter(([id, s]) =>
          can(s, 'meeting.view', { groupId: meeting.groupId, meetingGuest: guests.has(id) }),
        )
        .map(([id]) => id),
    );
  }

  /** Those of `userIds` allowed to perform a group-scoped `action` in `groupId`. */
  async allowedInGroup(
    action: Action,
    groupId: string,
    userIds: string[],
    db?: EntityManager,
  ): Promise<Set<string>> {
    const subjects = await this.users.activeSubjectsOf(userIds, db);
    return new Set([...subjects].filter(([, s]) => can(s, action, { groupId })).map(([id]) => id));
  }
}
