import type { GroupKind, GroupMember, MembershipRole } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';

/** One member of a group with their organisation, as `selectGroupMembers` reads it. */
interface MemberRow {
  userId: string;
  displayName: string;
  jobTitle: string | null;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: NonNullable<GroupMember['organisation']>['kind'] | null;
}

function memberFromRow(r: MemberRow): GroupMember {
  return {
    userId: r.userId,
    displayName: r.displayName,
    jobTitle: r.jobTitle,
    email: r.email,
    role: r.role,
    joinedAt: toIso(r.joinedAt),
    organisation:
      r.organisationId && r.organisationName && r.organisationKind
        ? { id: r.organisationId, name: r.organisationName, kind: r.organisationKind }
        : null,
  };
}

/**
 * A group's members (or only `userId`), facilitators first then by name; accounts and organisations are
 * read in their owners' published views.
 */
export async function selectGroupMembers(
  manager: EntityManager,
  groupId: string,
  userId?: string,
): Promise<GroupMember[]> {
  const rows: MemberRow[] = await manager.query(
    `SELECT u.id AS "userId", u.display_name AS "displayName", u.job_title AS "jobTitle", u.email,
            m.role, m.created_at AS "joinedAt",
            o.id AS "organisationId", o.name AS "organisationName", o.kind AS "organisationKind"
       FROM memberships m
       JOIN user_cards u ON u.id = m.user_id
       LEFT JOIN organisation_cards o ON o.id = u.organisation_id
      WHERE m.group_id = $1 AND ($2::uuid IS NULL OR u.id = $2::uuid)
      ORDER BY (m.role = 'facilitator') DESC, lower(u.display_name)`,
    [groupId, userId ?? null],
  );
  return rows.map(memberFromRow);
}

/** True when one of `groupIds` lies in the same bassin as `groupId`. */
export async function selectSharesBassin(
  manager: EntityManager,
  groupIds: string[],
  groupId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM groups mine JOIN groups theirs ON theirs.bassin_id = mine.bassin_id
      WHERE mine.id = ANY($1::uuid[]) AND theirs.id = $2 LIMIT 1`,
    [groupIds, groupId],
  );
  return rows.length > 0;
}

/** Ids of a group's members. */
export async function selectMemberIds(manager: EntityManager, groupId: string): Promise<string[]> {
  const rows: Array<{ userId: string }> = await manager.query(
    'SELECT user_id AS "userId" FROM memberships WHERE group_id = $1',
    [groupId],
  );
  return rows.map((r) => r.userId);
}

/** True when someone with this e-mail address is a member of the group. */
export async function selectHasMemberWithEmail(
  manager: EntityManager,
  groupId: string,
  email: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'SELECT 1 FROM memberships m JOIN user_cards u ON u.id = m.user_id WHERE m.group_id = $1 AND u.email = $2',
    [groupId, email],
  );
  return rows.length > 0;
}

/** Makes a user a member of a group; an existing membership is kept, raised to `facilitator` if asked. */
export async function upsertMembership(
  manager: EntityManager,
  userId: string,
  groupId: string,
  role: MembershipRole,
): Promise<void> {
  await manager.query(
    `INSERT INTO memberships (user_id, group_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, group_id) DO UPDATE
     SET role = CASE WHEN EXCLUDED.role = 'facilitator' THEN 'facilitator' ELSE memberships.role END`,
    [userId, groupId, role],
  );
}

/**
 * Moves the memberships of group `fromId` into `toId`, in the caller's transaction; a person in both
 * keeps one membership with the higher role. Returns the number of memberships moved.
 */
export async function foldMemberships(manager: EntityManager, fromId: string, toId: string): Promise<number> {
  await manager.query(
    `UPDATE memberships t SET role = 'facilitator'
       FROM memberships s
      WHERE s.group_id = $1 AND t.group_id = $2 AND s.user_id = t.user_id AND s.role = 'facilitator'`,
    [fromId, toId],
  );
  await manager.query(
    `DELETE FROM memberships s USING memberships t
      WHERE s.group_id = $1 AND t.group_id = $2 AND s.user_id = t.user_id`,
    [fromId, toId],
  );
  const moved: unknown = await manager.query('UPDATE memberships SET group_id = $2 WHERE group_id = $1', [
    fromId,
    toId,
  ]);
  return Array.isArray(moved) && typeof moved[1] === 'number' ? moved[1] : 0;
}

/** An active group of a bassin with its member count. */
export interface GroupCount {
  id: string;
  bassinId: string;
  kind: GroupKind;
  memberCount: number;
}

/** The active groups of several bassins with their member counts. */
export async function selectActiveGroupCounts(
  manager: EntityManager,
  bassinIds: string[],
): Promise<GroupCount[]> {
  return manager.query(
    `SELECT g.id, g.bassin_id AS "bassinId", g.kind, count(m.id)::int AS "memberCount"
       FROM groups g LEFT JOIN memberships m ON m.group_id = g.id
      WHERE g.bassin_id = ANY($1) AND g.archived_at IS NULL
      GROUP BY g.id`,
    [bassinIds],
  );
}

/** A bassin as a group shows it (read in the bassins module's published view), or undefined. */
export async function selectBassinCard(
  manager: EntityManager,
  id: string,
): Promise<{ id: string; name: string; archivedAt: Date | null } | undefined> {
  const [row]: Array<{ id: string; name: string; archivedAt: Date | null }> = await manager.query(
    'SELECT id, name, archived_at AS "archivedAt" FROM bassin_cards WHERE id = $1',
    [id],
  );
  return row;
}

/** Locks a group's row until the end of the caller's transaction (serialises writes over the group). */
export async function lockGroup(manager: EntityManager, groupId: string): Promise<void> {
  await manager.query('SELECT id FROM groups WHERE id = $1 FOR UPDATE', [groupId]);
}
