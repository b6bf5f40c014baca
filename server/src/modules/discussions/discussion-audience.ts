import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

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
 * notifications, which do not read these tables.
 */
@Injectable()
export class DiscussionAudience {
  constructor(private readonly dataSource: DataSource) {}

  /** Followers and muters of several threads in one query: thread id -> them. */
  async follows(threadIds: string[]): Promise<Map<string, ThreadFollowers>> {
    const ids = [...new Set(threadIds)];
    const answer = new Map(ids.map((id) => [id, { following: [] as string[], muted: [] as string[] }]));
    if (ids.length === 0) return answer;
    const rows = (await this.dataSource.query(
      'SELECT thread_id AS "threadId", user_id AS "userId", level FROM thread_follows WHERE thread_id = ANY($1::uuid[])',
      [ids],
    )) as Array<{ threadId: string; userId: string; level: 'following' | 'muted' }>;
    for (const r of rows) answer.get(r.threadId)?.[r.level].push(r.userId);
    return answer;
  }

  /** Members of the group who follow every new thread of it (their setting). */
  async newThreadFollowers(groupId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ userId: string }> = await db.query(
      `SELECT s.user_id AS "userId" FROM group_member_settings s
         JOIN memberships m ON m.user_id = s.user_id AND m.group_id = s.group_id
        WHERE s.group_id = $1 AND s.follow_all_new_threads`,
      [groupId],
    );
    return rows.map((r) => r.userId);
  }

  /** The state of each of these messages that exists, now: message id -> deleted, hidden. */
  async messageStates(messageIds: string[]): Promise<Map<string, MessageState>> {
    const ids = [...new Set(messageIds)];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string } & MessageState> = await this.dataSource.query(
      `SELECT id, deleted_at IS NOT NULL AS deleted, hidden_at IS NOT NULL AS hidden
         FROM messages WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { deleted: r.deleted, hidden: r.hidden }]));
  }
}
