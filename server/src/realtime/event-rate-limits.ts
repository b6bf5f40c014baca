import type { ClientEventName } from '@affluents/contracts';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { RedisClientType } from 'redis';
import { rateLimited } from '../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisService } from '../infra/redis/redis.service';
import { type RateLimitStore, SharedRateLimit } from './shared-rate-limit';

/** A per-user budget shared by several events (e.g. sending and editing messages). */
interface EventLimit {
  name: string;
  points: number;
  durationSeconds: number;
  events: ClientEventName[];
}

/** The nodes' counts added up in Redis: one INCRBY (and its expiry) per user and event-loop turn. */
function redisStore(client: RedisClientType): RateLimitStore {
  return {
    async add(key, n, expireAtMs) {
      // Sent in the same turn, the two commands share one write (node-redis pipelines them).
      const [total] = await Promise.all([client.incrBy(key, n), client.pExpireAt(key, expireAtMs)]);
      return Number(total);
    },
  };
}

/**
 * Per-user limits on client events, enforced by the event router before any handler runs. Each node
 * decides from its own count and the totals Redis last gave back, without waiting for Redis on the
 * message path (see SharedRateLimit: exact on one node, approximate across nodes); in memory only
 * without Redis.
 */
@Injectable()
export class EventRateLimits implements OnModuleInit {
  private readonly logger = new Logger('EventRateLimits');
  private readonly limiters = new Map<ClientEventName, SharedRateLimit>();

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
    const store = this.redis.enabled ? redisStore(await this.redis.client()) : null;
    for (const limit of limits) {
      const prefix = this.redis.keys.socketEventLimit(limit.name);
      const limiter = new SharedRateLimit({
        points: limit.points,
        windowMs: limit.durationSeconds * 1000,
        store,
        storeKey: (userId, window) => `${prefix}:${userId}:${window}`,
        onStoreError: (err) => this.logger.warn(`counting in Redis failed: ${err.message}`),
      });
      for (const event of limit.events) this.limiters.set(event, limiter);
    }
  }

  /** Counts one `event` of `userId`; throws 429 when the user's budget is spent. */
  consume(event: ClientEventName, userId: string): void {
    const decision = this.limiters.get(event)?.consume(userId);
    if (!decision || decision.allowed) return;
    const seconds = Math.max(1, Math.ceil(decision.msBeforeNext / 1000));
    throw rateLimited(`Trop de messages envoyés. Réessayez dans ${seconds} seconde(s).`);
  }
}
