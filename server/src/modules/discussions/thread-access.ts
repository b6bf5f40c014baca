import { type Action, can, type Subject, type Target } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forbidden, notFound } from '../../common/errors/app-error';

/** The facts about a thread that access decisions need. */
export interface ThreadFacts {
  id: string;
  groupId: string;
  kind: 'discussion' | 'question' | 'announcement';
  title: string;
  authorId: string;
  locked: boolean;
}

export interface ResolvedThread {
  thread: ThreadFacts;
  /** Policy target: the thread's group and the caller's grant on it, if any. */
  target: Target;
}

/**
 * Who may do what on one thread: the policy decides from the thread's group and the caller's explicit
 * grant (guest, former member). A thread the caller may not see answers 404, never 403, so its
 * existence does not leak.
 */
@Injectable()
export class ThreadAccess {
  constructor(private readonly dataSource: DataSource) {}

  /** The thread and the caller's policy target; null when it does not exist. */
  async resolve(threadId: string, subject: Subject): Promise<ResolvedThread | null> {
    const rows: Array<ThreadFacts & { grant: 'guest' | 'former_member' | null }> =
      await this.dataSource.query(
        `SELECT t.id, t.group_id AS "groupId", t.kind, t.title, t.author_id AS "authorId", t.locked,
              g.kind AS "grant"
         FROM threads t
         LEFT JOIN thread_access_grants g ON g.thread_id = t.id AND g.user_id = $2
        WHERE t.id = $1`,
        [threadId, subject.userId],
      );
    return rows[0] ? resolvedThread(rows[0]) : null;
  }

  /** True when the caller may read the thread. */
  async canView(threadId: string, subject: Subject): Promise<boolean> {
    const resolved = await this.resolve(threadId, subject);
    return resolved !== null && can(subject, 'thread.view', resolved.target);
  }

  /** Resolves the thread and checks `action`: 404 when invisible to the caller, 403 when visible only. */
  async assert(threadId: string, subject: Subject, action: Action): Promise<ResolvedThread> {
    return checkAccess(await this.resolve(threadId, subject), subject, action);
  }
}

/** A thread's facts and the caller's grant on it (if any) as a resolved thread. */
export function resolvedThread({
  grant,
  ...thread
}: ThreadFacts & { grant: 'guest' | 'former_member' | null }): ResolvedThread {
  return { thread, target: { groupId: thread.groupId, threadGrant: grant ?? undefined } };
}

/** The check of `ThreadAccess.assert` on an already resolved thread: 404 when invisible, 403 when visible only. */
export function checkAccess(
  resolved: ResolvedThread | null,
  subject: Subject,
  action: Action,
): ResolvedThread {
  if (!resolved || !can(subject, 'thread.view', resolved.target)) throw notFound('Discussion introuvable');
  if (!can(subject, action, resolved.target)) throw forbidden();
  return resolved;
}

/** A locked thread takes messages from its moderators only. */
export function assertOpen(resolved: ResolvedThread, subject: Subject): void {
  if (resolved.thread.locked && !can(subject, 'thread.moderate', resolved.target)) {
    throw forbidden('Cette discussion est verrouillée');
  }
}
