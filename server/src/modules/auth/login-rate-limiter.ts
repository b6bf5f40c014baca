import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { rateLimited } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig, type LoginLimitsConfig } from '../../config/app-config';
import { RedisService } from '../../infra/redis/redis.service';
import type { AuthThrottleScope } from '../../infra/redis/redis-keys';
import {
  type BackoffPolicy,
  FallbackThrottleStore,
  MemoryThrottleStore,
  RedisThrottleStore,
  type ThrottleEntry,
} from './throttle-store';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** A Redis call slower than this counts as Redis being down (issue 11, item 10): sign-in must not hang. */
const REDIS_DEADLINE_MS = 300;
/** After Redis failed once, counts stay in memory this long before Redis is tried again. */
const REDIS_RETRY_AFTER_MS = 5 * SECOND;

/** The throttles of sign-ins and password reset requests, from the configured budgets. */
export function authPolicies(limits: LoginLimitsConfig) {
  const backoff = (perHour: number, maxDelayMs: number): BackoffPolicy => ({
    free: perHour,
    perHour,
    baseDelayMs: 30 * SECOND,
    maxDelayMs,
  });
  // A request budget: `perHour` at once, then one more each time the count leaks by one.
  const budget = (perHour: number): BackoffPolicy => ({
    free: perHour,
    perHour,
    baseDelayMs: HOUR / perHour,
    maxDelayMs: HOUR / perHour,
  });
  return {
    /** One account from one address, or from one known browser: the only lasting wait, and only there. */
    pair: backoff(limits.failuresPerAccountAndAddress, 15 * MINUTE),
    /** One account from every unknown browser: the wait stays short, so it slows and never locks. */
    account: backoff(limits.failuresPerAccount, MINUTE),
    /** One address, every account: password spraying from one place. */
    address: backoff(limits.failuresPerAddress, 15 * MINUTE),
    resetAccount: budget(limits.passwordResetsPerAccount),
    resetAddress: budget(limits.passwordResetsPerAddress),
  };
}

/**
 * The address a budget is kept for: an IPv4 address, or the /64 of an IPv6 one (one subscriber usually
 * holds a whole /64, so counting single IPv6 addresses would give an attacker 2^64 budgets).
 */
export function addressBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** What one admitted sign-in attempt was counted against, to give back if it succeeds. */
export interface SignInAttempt {
  entries: ThrottleEntry[];
}

/**
 * Throttles sign-ins without letting anyone lock an account out (OWASP's "device cookies" with
 * per-pair back-off). A browser where the account signed in before (a known device) counts only against
 * itself. Any other attempt counts against the account and address pair, which backs off up to 15
 * minutes; against the account from every address, which only slows (1 minute at most); and against the
 * address. Every attempt counts as a failure from the moment it is admitted, so parallel guesses cannot
 * slip through; a success gives its count back. Also keeps the password reset budgets. Counts live in
 * Redis so that every node counts together, and in memory while Redis does not answer within 300 ms.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger('LoginRateLimiter');
  private readonly policies: ReturnType<typeof authPolicies>;
  readonly store: FallbackThrottleStore;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly redis: RedisService,
  ) {
    this.policies = authPolicies(config.loginLimits);
    this.store = new FallbackThrottleStore(
      redis.enabled ? new RedisThrottleStore(() => redis.client()) : null,
      new MemoryThrottleStore(),
      {
        timeoutMs: REDIS_DEADLINE_MS,
        retryAfterMs: REDIS_RETRY_AFTER_MS,
        onFallback: (err) => this.logger.warn(`sign-in limits counted in this process: ${err.message}`),
      },
    );
  }

  /**
   * Counts one sign-in attempt before the password is checked, or throws 429 (with Retry-After) when this
   * browser, pair, account or address must wait. `deviceId` is the known-device id valid for this account.
   */
  async admitSignIn(input: { email: string; ip: string; deviceId: string | null }): Promise<SignInAttempt> {
    const address = addressBucket(input.ip);
    const entries: ThrottleEntry[] = input.deviceId
      ? [this.entry('login-device', digest(input.email, input.deviceId), this.policies.pair, 'clear')]
      : [
          this.entry('login-pair', digest(input.email, address), this.policies.pair, 'clear'),
          this.entry('login-account', digest(input.email), this.policies.account, 'refund'),
          this.entry('login-address', digest(address), this.policies.address, 'refund'),
        ];
    const waitMs = await this.store.admit(entries, Date.now());
    if (waitMs > 0) throw this.tooMany(waitMs);
    return { entries };
  }

  /** A successful sign-in: forgets the failures of its pair (or browser), gives back its own count elsewhere. */
  async signInSucceeded(attempt: SignInAttempt): Promise<void> {
    await this.store.settle(attempt.entries, Date.now());
  }

  /** Whether a password reset mail may go out for this email from this address (counts the request if so). */
  async admitPasswordReset(email: string, ip: string): Promise<boolean> {
    const entries = [
      this.entry('reset-account', digest(email), this.policies.resetAccount, 'refund'),
      this.entry('reset-address', digest(addressBucket(ip)), this.policies.resetAddress, 'refund'),
    ];
    return (await this.store.admit(entries, Date.now())) === 0;
  }

  private entry(
    scope: AuthThrottleScope,
    id: string,
    policy: BackoffPolicy,
    onSuccess: ThrottleEntry['onSuccess'],
  ): ThrottleEntry {
    return { key: this.redis.keys.authThrottle(scope, id), policy, onSuccess };
  }

  private tooMany(waitMs: number) {
    const seconds = Math.ceil(waitMs / SECOND);
    const minutes = Math.ceil(seconds / 60);
    const delay =
      seconds < 60
        ? `${seconds} seconde${seconds > 1 ? 's' : ''}`
        : `${minutes} minute${minutes > 1 ? 's' : ''}`;
    return rateLimited(`Trop de tentatives de connexion. Réessayez dans ${delay}.`, seconds);
  }
}
