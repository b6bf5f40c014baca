import type { GroupKind, Invitation, InvitationStatus } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';
import type { InvitationEntity } from './invitation.entity';

/** One invitation with its group, bassin and inviter, as `selectInvitations` reads it. */
export interface InvitationRow {
  id: string;
  email: string;
  role: InvitationEntity['role'];
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  groupId: string;
  groupKind: GroupKind;
  bassinName: string;
  invitedById: string;
  invitedByName: string;
}

/**
 * Invitations by id, group or token hash (any may be left out), newest first, at most 1000; groups,
 * bassins and inviters are read in their owners' published views.
 */
export async function selectInvitations(
  manager: EntityManager,
  where: { id?: string; groupId?: string; tokenHash?: string },
): Promise<InvitationRow[]> {
  return manager.query(
    `SELECT i.id, i.email, i.role, i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt",
              i.revoked_at AS "revokedAt", i.created_at AS "createdAt", g.id AS "groupId", g.kind AS "groupKind",
              b.name AS "bassinName", u.id AS "invitedById", u.display_name AS "invitedByName"
       FROM invitations i
       JOIN group_cards g ON g.id = i.group_id
       JOIN bassin_cards b ON b.id = g.bassin_id
       JOIN user_cards u ON u.id = i.invited_by_id
       WHERE ($1::uuid IS NULL OR i.id = $1::uuid) AND ($2::uuid IS NULL OR i.group_id = $2::uuid)
         AND ($3::text IS NULL OR i.token_hash = $3::text)
       ORDER BY i.created_at DESC
       LIMIT 1000`,
    [where.id ?? null, where.groupId ?? null, where.tokenHash ?? null],
  );
}

/** The API shape of a stored invitation, given its status (which depends on the time). */
export function invitationFromRow(r: InvitationRow, status: InvitationStatus): Invitation {
  return {
    id: r.id,
    email: r.email,
    group: { id: r.groupId, kind: r.groupKind, bassinName: r.bassinName },
    role: r.role,
    invitedBy: { id: r.invitedById, displayName: r.invitedByName },
    status,
    expiresAt: toIso(r.expiresAt),
    createdAt: toIso(r.createdAt),
  };
}

/** Moves a group's invitations to another group, in the caller's transaction (groups merged). */
export async function moveGroupInvitations(
  manager: EntityManager,
  fromId: string,
  toId: string,
): Promise<void> {
  await manager.query('UPDATE invitations SET group_id = $2 WHERE group_id = $1', [fromId, toId]);
}
