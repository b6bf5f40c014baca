import { can, type Subject, type ThreadAccessGrant } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { selectMessageSeqs, selectMessageStates } from './message-rows';
import { selectNewThreadFollowers, selectThreadFollows } from './thread-follows';
import { selectThreadGrantKinds } from './thread-grants';
import { selectThreadGroups, selectThreadsAccessFacts } from './thread-rows';

/** Who follows a thread and who muted it. */
export interface ThreadFollowers {
  following: string[];
  muted: string[];
}

/** Whether a message is still shown: its author did not delete it, a facilitator did not hide it. */
export interface MessageState {
  deleted: boolean;
  hidden: boolean;
}

/** A grant some user holds on some thread. */
export interface ThreadGrantKind {
  threadId: string;
  userId: string;
  kind: ThreadAccessGrant['kind'];
}

/**
 * What the discussions module knows of who hears about a thread and its messages (`thread_follows`, each
 * member's "follow every new thread" setting, access grants, deleted and hidden messages, message
 * numbers, who may still read a thread). Exported for the notifications, which do not read these tables;
 * the SQL is in the repository files. `db`: the caller's transaction, when it reads inside one.
 */
@Injectable()
export class DiscussionAudience {
  constructor(private readonly dataSource: DataSource) {}

  /** Followers and muters of several threads in one query: thread id -> them. */
  follows(threadIds: string[]): Promise<Map<string, ThreadFollowers>> {
    return selectThreadFollows(this.dataSource.manager, threadIds);
  }

  /** Members of the group who follow every new thread of it (their setting). */
  newThreadFollowers(groupId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    return selectNewThreadFollowers(db, groupId);
  }

  /** The state of each of these messages that exists, now: message id -> deleted, hidden. */
  messageStates(messageIds: string[]): Promise<Map<string, MessageState>> {
    return selectMessageStates(this.dataSource.manager, messageIds);
  }

  /** The number (seq) of each of these messages that exists: message id -> seq. */
  messageSeqs(messageIds: string[]): Promise<Map<string, number>> {
    return selectMessageSeqs(this.dataSource.manager, messageIds);
  }

  /** The grants these users hold on these threads (guest, former member), in one query. */
  grantKinds(
    threadIds: string[],
    userIds: string[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<ThreadGrantKind[]> {
    return selectThreadGrantKinds(db, threadIds, userIds);
  }

  /**
   * Those of `threadIds` that `subject` may read now (`thread.view`: a member of the thread's group, or a
   * holder of a grant on it), in one query; threads that no longer exist are left out.
   */
  async readableThreads(subject: Subject, threadIds: string[]): Promise<Set<string>> {
    const facts = await selectThreadsAccessFacts(this.dataSource.manager, threadIds, subject.userId);
    const readable = new Set<string>();
    for (const [threadId, { groupId, grant }] of facts) {
      if (can(subject, 'thread.view', { groupId, threadGrant: grant ?? undefined })) readable.add(threadId);
    }
    return readable;
  }

  /** Each existing thread's group. */
  threadGroups(threadIds: string[]): Promise<Map<string, string>> {
    return selectThreadGroups(this.dataSource.manager, threadIds);
  }
}
