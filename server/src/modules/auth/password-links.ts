import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hashToken, newSecretToken } from '../../common/auth/tokens';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PasswordResetTokenEntity } from './password-reset-token.entity';

/**
 * The links that let someone choose a password (`/reinitialiser/<token>`): a password reset, or the first
 * password of an account created for a meeting's guest. The auth module owns their table; only the hash
 * of a token is stored, and only the newest link of an account works.
 */
@Injectable()
export class PasswordLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Issues a new link for `userId`, valid `ttlMs`, inside the caller's transaction; the account's earlier
   * unused links stop working. A link being confirmed right now is locked: it is skipped (it is being used
   * up) rather than waited for, which could deadlock with the confirmation's own update of the user row.
   */
  async issue(manager: EntityManager, userId: string, ttlMs: number): Promise<{ url: string }> {
    const tokens = manager.getRepository(PasswordResetTokenEntity);
    const earlier = await tokens
      .createQueryBuilder('t')
      .select('t.id')
      .where('t.user_id = :userId AND t.used_at IS NULL', { userId })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (earlier.length > 0) await tokens.delete(earlier.map((t) => t.id));
    const token = newSecretToken();
    await tokens.insert({ userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlMs) });
    return { url: `${this.config.publicUrl}/reinitialiser/${token}` };
  }
}
