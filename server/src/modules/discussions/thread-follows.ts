import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Who follows a thread and who muted it. */
export interface ThreadFollowers {
  following: string[];
  muted: string[];
}

/**
 * Who hears about a thread, as the discussions module keeps it (`thread_follows`, and each member's
 * "follow every new thread" setting). Exported for the notifications, which do not read these tables.
 */
@Injectable()
export class ThreadFollows {
  constructor(private readonly dataSource: DataSource) {}

  /** Followers and muters of several threads in one query: thread id -> them. */
  async of(threadIds: string[]): Promise<Map<string, ThreadFollowers>> {
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
}
