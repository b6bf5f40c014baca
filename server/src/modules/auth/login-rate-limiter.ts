import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { rateLimited } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RedisService } from '../../infra/redis/redis.service';

const WINDOW_SECONDS = 15 * 60;

/**
 * Limits sign-in attempts per account (consecutive failures) and per client address (all attempts),
 * in Redis when configured so that every node counts together, in memory otherwise.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleInit {
  private byAccount: RateLimiterAbstract;
  private byAddress: RateLimiterAbstract;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  async onModuleInit(): Promise<void> {
    const limits = this.config.loginLimits;
    const accountOptions = { points: limits.failuresPerAccount, duration: WINDOW_SECONDS };
    const addressOptions = { points: limits.attemptsPerAddress, duration: WINDOW_SECONDS };
    if (!this.redis.enabled) {
      this.byAccount = new RateLimiterMemory(accountOptions);
      this.byAddress = new RateLimiterMemory(addressOptions);
      return;
    }
    const storeClient = await this.redis.client();
    // If Redis is briefly unreachable, count in memory rather than refuse every sign-in.
    this.byAccount = new RateLimiterRedis({
      ...accountOptions,
      storeClient,
      useRedisPackage: true,
      keyPrefix: this.redis.keys.loginFailuresByAccount(),
      insuranceLimiter: new RateLimiterMemory(accountOptions),
    });
    this.byAddress = new RateLimiterRedis({
      ...addressOptions,
      storeClient,
      useRedisPackage: true,
      keyPrefix: this.redis.keys.loginAttemptsByAddress(),
      insuranceLimiter: new RateLimiterMemory(addressOptions),
    });
  }

  /** Counts one attempt from this address; throws 429 when either limit is already reached. */
  async beforeAttempt(email: string, address: string): Promise<void> {
    const accountState = await this.byAccount.get(email);
    if (accountState && accountState.consumedPoints >= this.config.loginLimits.failuresPerAccount) {
      throw this.tooMany(accountState);
    }
    try {
      await this.byAddress.consume(address);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw this.tooMany(err);
      throw err;
    }
  }

  /** Records a failed attempt on the account. */
  async onFailure(email: string): Promise<void> {
    await this.byAccount.penalty(email, 1);
  }

  /** A successful sign-in clears the account's failures. */
  async onSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }

  private tooMany(state: RateLimiterRes) {
    const minutes = Math.max(1, Math.ceil(state.msBeforeNext / 60000));
    return rateLimited(`Trop de tentatives de connexion. Réessayez dans ${minutes} minute(s).`);
  }
}
