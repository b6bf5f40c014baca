import { AuthSessionEntity } from '../../identity/auth-session.entity';
import { UserEntity } from '../../identity/user.entity';
import { PasswordResetTokenEntity } from '../../modules/auth/password-reset-token.entity';
import { BassinEntity } from '../../modules/bassins/bassin.entity';
import { FicheEntity } from '../../modules/fiches/fiche.entity';
import { GroupEntity } from '../../modules/groups/group.entity';
import { MembershipEntity } from '../../modules/groups/membership.entity';
import { InvitationEntity } from '../../modules/invitations/invitation.entity';
import { OrganisationEntity } from '../../modules/organisations/organisation.entity';
import { MailOutboxEntity } from '../mail/mail-outbox.entity';

/** Every TypeORM entity, registered once with the data source. */
export const entities = [
  AuthSessionEntity,
  BassinEntity,
  FicheEntity,
  GroupEntity,
  InvitationEntity,
  MailOutboxEntity,
  MembershipEntity,
  OrganisationEntity,
  PasswordResetTokenEntity,
  UserEntity,
];
