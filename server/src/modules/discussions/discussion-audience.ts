import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { selectMessageStates } from './message-rows';
import { selectNewThreadFollowers, selectThreadFollows } from './thread-follows';

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

/**
 * What the discussions module knows of who hears about a thread and its messages (`thread_follows`, each
 * member's "follow every new thread" setting, deleted and hidden messages). Exported for the
 * notifications, which do not read these tables; the SQL is in the repository files.
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
}
