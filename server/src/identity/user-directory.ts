import type { Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

// A user's memberships of groups not archived: the group roles the policy reads.
const MEMBERSHIPS_SQL = `
  SELECT m.group_id AS "groupId", m.role AS "role"
    FROM memberships m
    JOIN groups g ON g.id = m.group_id AND g.archived_at IS NULL
   WHERE m.user_id = $1`;

const DISPLAY_NAMES_SQL = 'SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])';

/**
 * What the layers below the feature modules may read of accounts (the `users` table belongs to
 * modules/users): the name others see, and the subject the policy judges. Realtime presence and the
 * auth feature ask here instead of importing the users module.
 */
@Injectable()
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** The display name of each of these users that exists (disabled accounts included). */
  async displayNames(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ id: string; displayName: string }> = await this.dataSource.query(DISPLAY_NAMES_SQL, [
      [...userIds],
    ]);
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** The authorization subject of a user: platform role and roles in groups not archived. */
  async subjectOf(user: { id: string; platformRole: Subject['platformRole'] }): Promise<Subject> {
    const memberships: Subject['memberships'] = await this.dataSource.query(MEMBERSHIPS_SQL, [user.id]);
    return { userId: user.id, platformRole: user.platformRole, memberships };
  }
}
