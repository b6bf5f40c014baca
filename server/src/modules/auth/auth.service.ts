import type {
  CurrentUser,
  LoginRequest,
  PasswordResetConfirm,
  Subject,
  UpdateMyProfile,
} from '@affluents/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../common/auth/password-hasher';
import { hashToken } from '../../common/auth/tokens';
import { badRequest, unauthenticated } from '../../common/errors/app-error';
import { SessionStore } from '../../identity/session-store';
import type { UserEntity } from '../../identity/user.entity';
import { UserAccounts } from '../../identity/user-accounts';
import { UserDirectory } from '../../identity/user-directory';
import { MailService } from '../../infra/mail/mail.service';
import { passwordResetMail } from '../../infra/mail/mail-templates';
import { OrganisationsService } from '../organisations/organisations.service';
import { toCurrentUser } from '../users/user-views';
import { knownDeviceId, nextKnownDeviceCookie } from './known-device';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordLinks } from './password-links';
import { PasswordResetTokenEntity } from './password-reset-token.entity';

const RESET_TTL_MS = 60 * 60 * 1000;

/** Signing in and out, the current user, and password resets. */
@Injectable()
export class AuthService implements OnModuleDestroy {
  private readonly logger = new Logger('AuthService');
  private readonly resetsInFlight = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly accounts: UserAccounts,
    private readonly directory: UserDirectory,
    private readonly organisations: OrganisationsService,
    private readonly limiter: LoginRateLimiter,
    private readonly mail: MailService,
    private readonly links: PasswordLinks,
  ) {}

  /**
   * Checks the credentials (throttled, see LoginRateLimiter) and opens a session. Returns the user, the
   * session cookie token and the new value of the known-device cookie (`knownDevice` is the one sent).
   */
  async login(
    input: LoginRequest,
    meta: { ip: string; userAgent?: string; knownDevice?: unknown },
  ): Promise<{ user: CurrentUser; token: string; knownDevice: string }> {
    const user = await this.accounts.findWithPasswordHash(input.email);
    const attempt = await this.limiter.admitSignIn({
      email: input.email,
      ip: meta.ip,
      deviceId: knownDeviceId(meta.knownDevice, user),
    });
    let valid = false;
    if (user) valid = user.disabledAt === null && (await verifyPassword(user.passwordHash, input.password));
    else await verifyAgainstDummy(input.password);
    // A failure stays counted: the attempt was counted as one when it was admitted.
    if (!user || !valid) throw unauthenticated('Adresse e-mail ou mot de passe incorrect');
    await this.limiter.signInSucceeded(attempt);
    const token = await this.sessions.create(user.id, { ip: meta.ip, userAgent: meta.userAgent });
    return {
      user: await this.currentUser(user),
      token,
      knownDevice: nextKnownDeviceCookie(meta.knownDevice, user),
    };
  }

  /** The user as `GET /api/auth/me` returns it. */
  async currentUser(user: UserEntity, subject?: Subject): Promise<CurrentUser> {
    const organisation = user.organisationId ? await this.organisations.refOf(user.organisationId) : null;
    return toCurrentUser(user, subject ?? (await this.directory.subjectOf(user)), organisation);
  }

  /** The signed-in user as `GET /api/auth/me` returns it, with the subject their session resolved. */
  async me(userId: string, subject: Subject): Promise<CurrentUser> {
    return this.currentUser(await this.accounts.getById(userId), subject);
  }

  /** Updates the signed-in user's own name and job title. */
  async updateProfile(userId: string, input: UpdateMyProfile): Promise<CurrentUser> {
    await this.accounts.update(userId, input);
    return this.currentUser(await this.accounts.getById(userId));
  }

  /**
   * Answers at once and mails a reset link afterwards if the account exists and neither the account's nor
   * the address's budget is spent: the caller learns nothing from the answer or its timing either way.
   */
  requestPasswordReset(email: string, ip: string): void {
    const task: Promise<void> = this.sendPasswordReset(email, ip)
      .catch((err: Error) => this.logger.error({ err }, 'password reset mail not queued'))
      .finally(() => this.resetsInFlight.delete(task));
    this.resetsInFlight.add(task);
  }

  /** Resolves once every password reset request received so far has been handled (shutdown, tests). */
  async passwordResetsSettled(): Promise<void> {
    while (this.resetsInFlight.size > 0) await Promise.all(this.resetsInFlight);
  }

  async onModuleDestroy(): Promise<void> {
    await this.passwordResetsSettled();
  }

  private async sendPasswordReset(email: string, ip: string): Promise<void> {
    if (!(await this.limiter.admitPasswordReset(email, ip))) return;
    await this.dataSource.transaction(async (manager) => {
      // The row lock queues concurrent requests for one account, so each sees (and removes) the last link.
      const user = await this.accounts.lockEnabledByEmail(manager, email);
      if (!user) return;
      // Only the newest link works: an older mail read later, or by someone else, is worth nothing.
      const { url } = await this.links.issue(manager, user.id, RESET_TTL_MS);
      await this.mail.enqueue(
        manager,
        user.email,
        'password_reset',
        passwordResetMail({ displayName: user.displayName, url }),
      );
    });
  }

  /**
   * Sets a new password from a valid token, uses the token up and signs out every session. Returns the new
   * value of the known-device cookie: following the mailed link proves the mailbox, so this browser is known
   * from now on and the owner gets past an attack that spends the account-wide budget (OWASP device cookies).
   */
  async confirmPasswordReset(input: PasswordResetConfirm, knownDevice?: unknown): Promise<string> {
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
      await this.accounts.update(reset.userId, { passwordHash }, manager);
      return reset.userId;
    });
    await this.sessions.end(userId);
    return nextKnownDeviceCookie(knownDevice, { id: userId, passwordHash });
  }
}
