import { z } from 'zod';
import { Email, FreeText, Id, Label, NewPassword } from './common';
import { MembershipRole, OrganisationKind, PlatformRole } from './enums';

/** POST /api/auth/login */
export const LoginRequest = z.strictObject({
  email: Email,
  password: FreeText().min(1, { message: 'Mot de passe requis' }).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** A group the signed-in user belongs to, as carried in `me`. */
export const MyMembership = z.object({
  groupId: Id,
  role: MembershipRole,
});
export type MyMembership = z.infer<typeof MyMembership>;

/** The signed-in user: GET /api/auth/me and the login response. */
export const CurrentUser = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  platformRole: PlatformRole.nullable(),
  organisation: z.object({ id: Id, name: z.string(), kind: OrganisationKind }).nullable(),
  memberships: z.array(MyMembership),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** POST /api/auth/password-reset: always answers 202 so accounts cannot be enumerated. */
export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** POST /api/auth/password-reset/confirm */
export const PasswordResetConfirm = z.strictObject({
  token: FreeText().min(20).max(200),
  password: NewPassword,
});
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirm>;

/** PATCH /api/auth/me: what a user may change on their own profile. */
export const UpdateMyProfile = z.strictObject({
  displayName: Label(80).optional(),
  jobTitle: Label(120).nullable().optional(),
});
export type UpdateMyProfile = z.infer<typeof UpdateMyProfile>;
