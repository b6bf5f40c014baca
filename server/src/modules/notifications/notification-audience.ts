import { type Action, can, type Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Queryable, selectActiveSubjects, selectThreadGrantKinds } from './audience-rows';

const threadGrantKinds = ['guest', 'former_member'] as const;

/**
 * Who may receive a notification: the same `can()` policy as the routes, applied to many users at once.
 * Subjects are built like UserDirectory.subjectOf (memberships of groups not archived), in one query.
 */
@Injectable()
export class NotificationAudience {
  constructor(private readonly dataSource: DataSource) {}

  /** Policy subjects of those of `userIds` whose account is active (disabled accounts are left out). */
  async subjects(userIds: string[], db: Queryable = this.dataSource): Promise<Map<string, Subject>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    return selectActiveSubjects(db, ids);
  }

  /** Those of `userIds` who may read the thread now: members of its group, or holders of a grant on it. */
  async threadViewers(
    thread: { id: string; groupId: string },
    userIds: string[],
    db: Queryable = this.dataSource,
  ): Promise<Set<string>> {
    return (await this.threadsViewers([{ thread, userIds }], db)).get(thread.id) ?? new Set();
  }

  /** `threadViewers` for several threads in two queries (a batch of messages): thread id -> viewers. */
  async threadsViewers(
    asks: Array<{ thread: { id: string; groupId: string }; userIds: string[] }>,
    db: Queryable = this.dataSource,
  ): Promise<Map<string, Set<string>>> {
    const answer = new Map(asks.map((a) => [a.thread.id, new Set<string>()]));
    const subjects = await this.subjects(
      asks.flatMap((a) => a.userIds),
      db,
    );
    if (subjects.size === 0) return answer;
    const grants = await selectThreadGrantKinds(
      db,
      [...new Set(asks.map((a) => a.thread.id))],
      [...subjects.keys()],
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
   * A SQL condition on a notification `n` of `subject`: true while they may still read what it is about,
   * by the same policy as its delivery (the thread: `thread.view`, from its group or a grant; the fiche:
   * `fiche.comment`). Listing filters by it, so leaving a group hides that group's titles and excerpts
   * at once, and a grant given later (a former member who keeps reading) shows them again.
   * `at` is the number of the first of the returned parameters.
   */
  readableBy(subject: Subject, at: number): { sql: string; params: unknown[] } {
    const groups = subject.memberships.map((m) => m.groupId);
    const threadGroups = groups.filter((groupId) => can(subject, 'thread.view', { groupId }));
    const grantKinds = threadGrantKinds.filter((threadGrant) => can(subject, 'thread.view', { threadGrant }));
    const ficheGroups = groups.filter((groupId) => can(subject, 'fiche.comment', { groupId }));
    // Every kind is about a thread or a fiche; one about neither has nothing to check against: hidden.
    return {
      sql: `CASE
              WHEN n.thread_id IS NOT NULL THEN EXISTS (
                SELECT 1 FROM threads nt WHERE nt.id = n.thread_id
                   AND (nt.group_id = ANY($${at}::uuid[])
                        OR EXISTS (SELECT 1 FROM thread_access_grants ng
                                    WHERE ng.thread_id = nt.id AND ng.user_id = n.user_id
                                      AND ng.kind = ANY($${at + 1}::text[]))))
              WHEN n.fiche_id IS NOT NULL THEN EXISTS (
                SELECT 1 FROM fiches nf WHERE nf.id = n.fiche_id AND nf.group_id = ANY($${at + 2}::uuid[]))
              ELSE false
            END`,
      params: [threadGroups, grantKinds, ficheGroups],
    };
  }

  /** Those of `userIds` allowed to perform a group-scoped `action` in `groupId`. */
  async allowedInGroup(
    action: Action,
    groupId: string,
    userIds: string[],
    db: Queryable = this.dataSource,
  ): Promise<Set<string>> {
    const subjects = await this.subjects(userIds, db);
    return new Set([...subjects].filter(([, s]) => can(s, action, { groupId })).map(([id]) => id));
  }
}
