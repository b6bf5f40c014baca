import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createClient, type RedisClientType } from 'redis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type RedisKeys, redisKeys } from './redis-keys';

/**
 * The one home of Redis connections: named clients created from the single REDIS_URL.
 * In single-node mode (no REDIS_URL) `enabled` is false and callers use their in-process fallback.
 */
@Injectable()
export class RedisService implements OnModuleDestroy {
  private readonly logger = new Logger('Redis');
  private readonly clients = new Map<string, RedisClientType>();
  private closed = false;
  readonly keys: RedisKeys;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.keys = redisKeys(config.redis?.keyPrefix ?? 'affluents:');
  }

  get enabled(): boolean {
    return this.config.redis !== null;
  }

  /** Returns the named client, connecting it on first use. Throws in single-node mode. */
  async client(name = 'main'): Promise<RedisClientType> {
    if (!this.config.redis) throw new Error('Redis is not configured (single-node mode)');
    // After shutdown a late caller must not open a fresh connection that would keep the process alive.
    if (this.closed) throw new Error('Redis connections are closed (shutting down)');
    let client = this.clients.get(name);
    if (!client) {
      client = createClient({
        url: this.config.redis.url,
        name: `affluents-${name}`,
        socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5000), connectTimeout: 5000 },
      }) as RedisClientType;
      client.on('error', (err: Error) => this.logger.warn(`client ${name}: ${err.message}`));
      this.clients.set(name, client);
      await client.connect();
    }
    return client;
  }

  /** Round trip to Redis with a timeout, for the health endpoint. */
  async ping(timeoutMs = 1000): Promise<void> {
    const client = await this.client();
    await Promise.race([
      client.ping(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('Redis ne répond pas')), timeoutMs).unref(),
      ),
    ]);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.clients.values()].map((c) => (c.isOpen ? c.close().catch(() => undefined) : undefined)),
    );
    this.clients.clear();
  }
}
