import { type Action, can, type Subject, type Target } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forbidden, notFound } from '../../common/errors/app-error';
import { selectThreadFacts, selectThreadsFacts } from './thread-rows';

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
    const row = await selectThreadFacts(this.dataSource.manager, threadId, subject.userId);
    return row ? resolvedThread(row) : null;
  }

  /** Each of these threads that exists with the caller's policy target, in one query: thread id -> it. */
  async resolveMany(threadIds: readonly string[], subject: Subject): Promise<Map<string, ResolvedThread>> {
    const rows = await selectThreadsFacts(this.dataSource.manager, threadIds, subject.userId);
    return new Map(rows.map((row) => [row.id, resolvedThread(row)]));
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
