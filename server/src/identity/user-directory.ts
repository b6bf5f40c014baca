import type { PersonRef, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

// A user's memberships of groups not archived: the group roles the policy reads (through the groups
// module's published views).
const MEMBERSHIPS_SQL = `
  SELECT m.group_id AS "groupId", m.role AS "role"
    FROM group_members m
    JOIN group_cards g ON g.id = m.group_id AND g.archived_at IS NULL
   WHERE m.user_id = $1`;

// The same, for several active users at once (disabled accounts are left out): one row per user.
const ACTIVE_SUBJECTS_SQL = `
  SELECT u.id, u.platform_role AS "platformRole",
         COALESCE(json_agg(json_build_object('groupId', m.group_id, 'role', m.role))
                  FILTER (WHERE m.group_id IS NOT NULL), '[]') AS memberships
    FROM users u
    LEFT JOIN (SELECT ms.user_id, ms.group_id, ms.role FROM group_members ms
                 JOIN group_cards g ON g.id = ms.group_id AND g.archived_at IS NULL) m ON m.user_id = u.id
   WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL
   GROUP BY u.id`;

const DISPLAY_NAMES_SQL = 'SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])';

const CONTACTS_SQL = `
  SELECT id, email, display_name AS "displayName", disabled_at IS NOT NULL AS disabled
    FROM users WHERE id = ANY($1::uuid[])`;

/** Where to write to a user and the name to greet them by. */
export interface UserContact {
  email: string;
  displayName: string;
  /** The account is disabled: it signs in no more and is sent nothing. */
  disabled: boolean;
}

/**
 * What the layers below the feature modules may read of accounts (the `users` table is identity's,
 * see `UserAccounts`): the name others see, the address mail goes to, and the subject the policy judges.
 * Realtime presence, the auth feature and the notifications ask here instead of reading that table.
 */
@Injectable()
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The display name of each of these users that exists (disabled accounts included). `db`: the caller's
   * transaction, if any.
   */
  async displayNames(
    userIds: readonly string[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ id: string; displayName: string }> = await db.query(DISPLAY_NAMES_SQL, [
      [...new Set(userIds)],
    ]);
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** A user as an actor of a domain event: id and display name ('' when unknown). */
  async person(userId: string, db: EntityManager = this.dataSource.manager): Promise<PersonRef> {
    return { id: userId, displayName: (await this.displayNames([userId], db)).get(userId) ?? '' };
  }

  /**
   * The mail address, display name and state of each of these users that exists (disabled accounts
   * included, flagged). `db`: the caller's transaction, if any.
   */
  async contactsOf(
    userIds: readonly string[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, UserContact>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<UserContact & { id: string }> = await db.query(CONTACTS_SQL, [[...new Set(userIds)]]);
    return new Map(
      rows.map((r) => [r.id, { email: r.email, displayName: r.displayName, disabled: r.disabled }]),
    );
  }

  /** The authorization subject of a user: platform role and roles in groups not archived. */
  async subjectOf(user: { id: string; platformRole: Subject['platformRole'] }): Promise<Subject> {
    const memberships: Subject['memberships'] = await this.dataSource.query(MEMBERSHIPS_SQL, [user.id]);
    return { userId: user.id, platformRole: user.platformRole, memberships };
  }

  /**
   * The subjects (as `subjectOf` builds them) of those of `userIds` whose account is active, in one query:
   * user id -> subject; disabled and unknown accounts are left out. `db`: the caller's transaction, if any.
   */
  async activeSubjectsOf(
    userIds: readonly string[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Subject>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; platformRole: Subject['platformRole']; memberships: unknown }> =
      await db.query(ACTIVE_SUBJECTS_SQL, [ids]);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          userId: r.id,
          platformRole: r.platformRole,
          // Some drivers hand json back as text.
          memberships: (typeof r.memberships === 'string'
            ? JSON.parse(r.memberships)
            : r.memberships) as Subject['memberships'],
        },
      ]),
    );
  }
}
