import { z } from 'zod';
import { FreeText, Id, Label, Timestamp } from './common';
import { MembershipRole, OrganisationKind, PlatformRole } from './enums';

/** An account as administrators see it. */
export const UserAdminView = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  platformRole: PlatformRole.nullable(),
  organisation: z.object({ id: Id, name: z.string(), kind: OrganisationKind }).nullable(),
  memberships: z.array(z.object({ groupId: Id, role: MembershipRole })),
  disabledAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type UserAdminView = z.infer<typeof UserAdminView>;

/** Query of GET /api/users */
export const ListUsersQuery = z.strictObject({ q: FreeText().trim().max(100).optional() });
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

/** PATCH /api/users/:id: platform role (admins only), organisation, name, disabling. */
export const UpdateUserRequest = z.strictObject({
  displayName: Label(80).optional(),
  jobTitle: Label(120).nullable().optional(),
  platformRole: PlatformRole.nullable().optional(),
  organisationId: Id.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
