import type { GroupMember, MembershipRole } from '@affluents/contracts';
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

/** A group's members (or only `userId`), facilitators first then by name. */
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
       JOIN users u ON u.id = m.user_id
       LEFT JOIN organisations o ON o.id = u.organisation_id
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
