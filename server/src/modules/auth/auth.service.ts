import type {
  CurrentUser,
  LoginRequest,
  PasswordResetConfirm,
  Subject,
  UpdateMyProfile,
} from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../common/auth/password-hasher';
import { hashToken, newSecretToken } from '../../common/auth/tokens';
import { badRequest, unauthenticated } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailService } from '../../infra/mail/mail.service';
import { passwordResetMail } from '../../infra/mail/mail-templates';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';
import { toCurrentUser } from '../users/user-views';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { SessionService } from './session.service';

const RESET_TTL_MS = 60 * 60 * 1000;

/** Signing in and out, the current user, and password resets. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly limiter: LoginRateLimiter,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the credentials (rate limited) and opens a session. Returns the user and the cookie token. */
  async login(
    input: LoginRequest,
    meta: { ip: string; userAgent?: string },
  ): Promise<{ user: CurrentUser; token: string }> {
    await this.limiter.beforeAttempt(input.email, meta.ip);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: input.email })
      .getOne();
    let valid = false;
    if (user) valid = user.disabledAt === null && (await verifyPassword(user.passwordHash, input.password));
    else await verifyAgainstDummy(input.password);
    if (!user || !valid) {
      await this.limiter.onFailure(input.email);
      throw unauthenticated('Adresse e-mail ou mot de passe incorrect');
    }
    await this.limiter.onSuccess(input.email);
    const token = await this.sessions.create(user.id, meta);
    return { user: await this.currentUser(user), token };
  }

  /** The user as `GET /api/auth/me` returns it. */
  async currentUser(user: UserEntity, subject?: Subject): Promise<CurrentUser> {
    const organisation = user.organisationId
      ? await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id: user.organisationId })
      : null;
    return toCurrentUser(user, subject ?? (await this.sessions.subjectOf(user)), organisation);
  }

  /** Updates the signed-in user's own name and job title. */
  async updateProfile(user: UserEntity, input: UpdateMyProfile): Promise<CurrentUser> {
    const users = this.dataSource.getRepository(UserEntity);
    await users.update({ id: user.id }, input);
    return this.currentUser(await users.findOneByOrFail({ id: user.id }));
  }

  /** Emails a reset link if the account exists; says nothing either way. */
  async requestPasswordReset(email: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ email, disabledAt: IsNull() });
      if (!user) return;
      const token = newSecretToken();
      await manager.getRepository(PasswordResetTokenEntity).insert({
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + RESET_TTL_MS),
      });
      const url = `${this.config.publicUrl}/reinitialiser/${token}`;
      await this.mail.enqueue(
        manager,
        user.email,
        'password_reset',
        passwordResetMail({ displayName: user.displayName, url }),
      );
    });
  }

  /** Sets a new password from a valid token, uses the token up and signs out every session. */
  async confirmPasswordReset(input: PasswordResetConfirm): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    const userId = await this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(PasswordResetTokenEntity);
      const reset = await tokens
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashToken(input.token) })
        .getOne();
      if (!reset || reset.usedAt || reset.expiresAt.getTime() < Date.now()) {
        throw badRequest('Ce lien de réinitialisation est invalide ou a expiré. Demandez-en un nouveau.');
      }
      await tokens.update({ id: reset.id }, { usedAt: new Date() });
      await manager.getRepository(UserEntity).update({ id: reset.userId }, { passwordHash });
      return reset.userId;
    });
    await this.sessions.end(userId);
  }
}
