import type { ClientEventName } from '@affluents/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { rateLimited } from '../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisService } from '../infra/redis/redis.service';

/** A per-user budget shared by several events (e.g. sending and editing messages). */
interface EventLimit {
  name: string;
  points: number;
  durationSeconds: number;
  events: ClientEventName[];
}

/**
 * Per-user limits on client events, enforced by the event router before any handler runs; counted in
 * Redis when configured so that every node counts together, in memory otherwise.
 */
@Injectable()
export class EventRateLimits implements OnModuleInit {
  private readonly limiters = new Map<ClientEventName, RateLimiterAbstract>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  async onModuleInit(): Promise<void> {
    const limits: EventLimit[] = [
      {
        name: 'messages',
        points: this.config.realtime.messagesPerMinute,
        durationSeconds: 60,
        events: ['message:send', 'message:edit'],
      },
    ];
    const storeClient = this.redis.enabled ? await this.redis.client() : null;
    for (const limit of limits) {
      const options = { points: limit.points, duration: limit.durationSeconds };
      // If Redis is briefly unreachable, count in memory rather than refuse every message.
      const limiter = storeClient
        ? new RateLimiterRedis({
            ...options,
            storeClient,
            useRedisPackage: true,
            keyPrefix: this.redis.keys.socketEventLimit(limit.name),
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      for (const event of limit.events) this.limiters.set(event, limiter);
    }
  }

  /** Counts one `event` of `userId`; throws 429 when the user's budget is spent. */
  async consume(event: ClientEventName, userId: string): Promise<void> {
    const limiter = this.limiters.get(event);
    if (!limiter) return;
    try {
      await limiter.consume(userId);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw rateLimited(`Trop de messages envoyés. Réessayez dans ${seconds} seconde(s).`);
    }
  }
}
