import { z } from 'zod';
import { Email, FreeText, Id, Label, NewPassword, Timestamp } from './common';
import { GroupKind, MembershipRole } from './enums';

export const invitationStatuses = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const InvitationStatus = z.enum(invitationStatuses);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** POST /api/invitations: invite an email address into a group. */
export const CreateInvitationRequest = z.strictObject({
  email: Email,
  groupId: Id,
  role: MembershipRole.default('member'),
  organisationId: Id.nullable().default(null),
  message: FreeText().trim().max(1000).optional(),
});
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequest>;

/** An invitation as its group's managers see it. */
export const Invitation = z.object({
  id: Id,
  email: z.string(),
  group: z.object({ id: Id, kind: GroupKind, bassinName: z.string() }),
  role: MembershipRole,
  invitedBy: z.object({ id: Id, displayName: z.string() }),
  status: InvitationStatus,
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type Invitation = z.infer<typeof Invitation>;

/** Query of GET /api/invitations */
export const ListInvitationsQuery = z.strictObject({
  groupId: Id.optional(),
  status: InvitationStatus.optional(),
});
export type ListInvitationsQuery = z.infer<typeof ListInvitationsQuery>;

/** GET /api/invitations/by-token/:token: what the invitee sees before accepting (no auth). */
export const InvitationPreview = z.object({
  email: z.string(),
  group: z.object({ id: Id, kind: GroupKind, bassinName: z.string() }),
  role: MembershipRole,
  invitedByName: z.string(),
  accountExists: z.boolean(),
  expiresAt: Timestamp,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/**
 * POST /api/invitations/by-token/:token/accept. A newcomer sends a name and password and is signed in;
 * someone who already has an account must be signed in as the invited email and sends an empty body.
 */
export const AcceptInvitationRequest = z.strictObject({
  displayName: Label(80).optional(),
  password: NewPassword.optional(),
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

/** The secret token of an invitation link (`/api/invitations/by-token/:token`). */
export const InvitationToken = FreeText().min(20).max(200);
