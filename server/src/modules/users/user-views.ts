import type { CurrentUser, Subject, UserAdminView } from '@affluents/contracts';
import type { UserEntity } from '../../identity/user.entity';
import type { OrganisationRef } from '../organisations/organisations.service';

/** The signed-in user as the API returns it. */
export function toCurrentUser(
  user: UserEntity,
  subject: Subject,
  organisation: OrganisationRef | null,
): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    platformRole: user.platformRole,
    organisation,
    memberships: [...subject.memberships],
  };
}

/** An account as administrators see it. */
export function toUserAdminView(
  user: UserEntity,
  organisation: OrganisationRef | null,
  memberships: UserAdminView['memberships'],
): UserAdminView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    platformRole: user.platformRole,
    organisation,
    memberships,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
