import { z } from 'zod';
import { Id, Timestamp } from './common';
import { GroupKind, MembershipRole, OrganisationKind } from './enums';

/** A member as shown on a group's home: facilitators first, then by name. */
export const GroupMember = z.object({
  userId: Id,
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  email: z.string(),
  role: MembershipRole,
  organisation: z.object({ id: Id, name: z.string(), kind: OrganisationKind }).nullable(),
  joinedAt: Timestamp,
});
export type GroupMember = z.infer<typeof GroupMember>;

/** GET /api/groups/:id */
export const GroupDetail = z.object({
  id: Id,
  kind: GroupKind,
  bassin: z.object({ id: Id, name: z.string() }),
  archivedAt: Timestamp.nullable(),
  memberCount: z.number().int(),
  myRole: MembershipRole.nullable(),
  members: z.array(GroupMember),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

/** POST /api/groups/:id/move: 409 if the target bassin already has a group of that kind. */
export const MoveGroupRequest = z.strictObject({ bassinId: Id });
export type MoveGroupRequest = z.infer<typeof MoveGroupRequest>;

/** POST /api/groups/:id/members: add an existing account to the group. */
export const AddMemberRequest = z.strictObject({ userId: Id, role: MembershipRole.default('member') });
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

/** PATCH /api/groups/:id/members/:userId */
export const UpdateMemberRequest = z.strictObject({ role: MembershipRole });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;
