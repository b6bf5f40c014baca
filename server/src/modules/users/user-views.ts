import type { CurrentUser, Subject, UserAdminView } from '@affluents/contracts';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import type { UserEntity } from './user.entity';

const organisationRef = (o: OrganisationEntity | null | undefined) =>
  o ? { id: o.id, name: o.name, kind: o.kind } : null;

/** The signed-in user as the API returns it. */
export function toCurrentUser(
  user: UserEntity,
  subject: Subject,
  organisation: OrganisationEntity | null,
): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    platformRole: user.platformRole,
    organisation: organisationRef(organisation),
    memberships: [...subject.memberships],
  };
}

/** An account as administrators see it. */
export function toUserAdminView(
  user: UserEntity,
  organisation: OrganisationEntity | null,
  memberships: UserAdminView['memberships'],
): UserAdminView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    platformRole: user.platformRole,
    organisation: organisationRef(organisation),
    memberships,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
