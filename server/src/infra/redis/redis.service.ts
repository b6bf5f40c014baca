import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ClientOfflineError, createClient, type RedisClientType, TimeoutError } from 'redis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type RedisKeys, redisKeys } from './redis-keys';

/**
 * What a named client is for. `commands`: every command fails at once while Redis is unreachable and
 * after REDIS_COMMAND_TIMEOUT_MS without an answer, so no caller waits on Redis (each has its in-process
 * fallback). `subscriber`: SUBSCRIBE commands wait for the connection instead, so that a subscription
 * asked during an outage is made when Redis is back (node-redis renews the ones it already had).
 */
export type RedisClientRole = 'commands' | 'subscriber';

/** Reconnection delays: 100 ms, 200 ms, ... then every 2 s, for as long as Redis stays away. */
const reconnectDelay = (retries: number) => Math.min((retries + 1) * 100, 2000);
/** Commands waiting or unanswered on one client; beyond it they fail at once (a partition must not grow memory). */
const MAX_QUEUED_COMMANDS = 10_000;
/** Longest wait for the first connection of a client, so that a node starts while Redis is away. */
const FIRST_CONNECT_WAIT_MS = 1000;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Methods of a client that manage its connection rather than send a command: never bounded. */
const connectionMethods = new Set(['connect', 'close', 'destroy', 'quit', 'disconnect']);

/**
 * A view of a `commands` client whose every command is bounded by `timeoutMs`. node-redis 6.3 has a
 * command timeout, but it only covers the wait before the command is written: once written, a command
 * waits for its reply for as long as Redis is partitioned (TCP gives up after many minutes), and MULTI
 * or pipelines get neither that timeout nor `disableOfflineQueue`. Sign-in, presence and rate limits
 * must not wait that long. A command that timed out keeps its place in the client's reply queue, so
 * replies still match their commands if the partition heals.
 */
function boundCommands(client: RedisClientType, timeoutMs: number): RedisClientType {
  const bound = <T>(answer: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError('Redis did not answer in time')), timeoutMs);
    });
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  };
  const boundBatch = (batch: ReturnType<RedisClientType['multi']>) => {
    const run =
      <A extends unknown[], T>(exec: (...args: A) => Promise<T>) =>
      (...args: A): Promise<T> =>
        client.isReady ? bound(exec(...args)) : Promise.reject(new ClientOfflineError());
    batch.exec = run(batch.exec.bind(batch)) as typeof batch.exec;
    batch.execAsPipeline = run(batch.execAsPipeline.bind(batch)) as typeof batch.execAsPipeline;
    return batch;
  };
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      // node-redis keeps its state in private fields: its methods must run on the client itself.
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (property === 'multi' || property === 'MULTI') {
        return () => boundBatch(method() as ReturnType<RedisClientType['multi']>);
      }
      if (connectionMethods.has(String(property))) return method;
      return (...args: unknown[]) => {
        const result = method(...args);
        // Methods that do not answer a promise (on, once, withCommandOptions...) answer as they are.
        const answers = typeof (result as { then?: unknown } | null)?.then === 'function';
        return answers ? bound(result as Promise<unknown>) : result;
      };
    },
  });
}

/**
 * The one home of Redis connections: named clients created from the single REDIS_URL. Each client
 * reconnects by itself, with backoff, for as long as Redis is away; nothing here ever waits for it
 * unbounded, so a node starts and serves without Redis (its callers fall back to single-node work).
 * In single-node mode (no REDIS_URL) `enabled` is false and callers use their in-process fallback.
 */
@Injectable()
export class RedisService implements OnModuleDestroy {
  private readonly logger = new Logger('Redis');
  private readonly clients = new Map<string, RedisClientType>();
  /** Clients whose connection is currently lost (each logged once per outage, not on every retry). */
  private readonly down = new Set<string>();
  private closed = false;
  readonly keys: RedisKeys;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.keys = redisKeys(config.redis?.keyPrefix ?? 'affluents:');
  }

  get enabled(): boolean {
    return this.config.redis !== null;
  }

  /**
   * Returns the named client, creating it on first use and waiting at most FIRST_CONNECT_WAIT_MS for
   * its connection (it keeps trying in the background). Throws in single-node mode and after shutdown.
   * A name is tied to one role: `subscriber` for clients that only subscribe.
   */
  async client(name = 'main', role: RedisClientRole = 'commands'): Promise<RedisClientType> {
    if (!this.config.redis) throw new Error('Redis is not configured (single-node mode)');
    // After shutdown a late caller must not open a fresh connection that would keep the process alive.
    if (this.closed) throw new Error('Redis connections are closed (shutting down)');
    const existing = this.clients.get(name);
    if (existing) return existing;
    const client = this.create(name, role, this.config.redis);
    const view = role === 'commands' ? boundCommands(client, this.config.redis.commandTimeoutMs) : client;
    this.clients.set(name, view);
    const ready = new Promise<void>((resolve) => client.once('ready', () => resolve()));
    // connect() resolves on the first successful connection and retries until then; it rejects only when
    // the client is closed meanwhile (shutdown).
    client.connect().catch((err: unknown) => this.logger.debug(`client ${name}: ${errorText(err)}`));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ready, new Promise((r) => (timer = setTimeout(r, FIRST_CONNECT_WAIT_MS)))]);
    clearTimeout(timer);
    if (!client.isReady) this.logger.warn(`client ${name}: Redis unreachable, working without it meanwhile`);
    return view;
  }

  /** Round trip to Redis, for the health endpoint (bounded by REDIS_COMMAND_TIMEOUT_MS). */
  async ping(): Promise<void> {
    const client = await this.client();
    if (!client.isReady) throw new Error('Redis injoignable (reconnexion en cours)');
    await client.ping();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.clients.values()].map((c) => (c.isOpen ? c.close().catch(() => undefined) : undefined)),
    );
    this.clients.clear();
  }

  private create(
    name: string,
    role: RedisClientRole,
    redis: NonNullable<AppConfig['redis']>,
  ): RedisClientType {
    const client = createClient({
      url: redis.url,
      name: `affluents-${name}`,
      socket: { reconnectStrategy: reconnectDelay, connectTimeout: 5000 },
      ...(role === 'commands'
        ? { disableOfflineQueue: true, commandsQueueMaxLength: MAX_QUEUED_COMMANDS }
        : {}),
    }) as RedisClientType;
    // Without an 'error' listener a lost connection would throw from the client's EventEmitter.
    client.on('error', (err: Error) => {
      if (this.down.has(name) || this.closed) return;
      this.down.add(name);
      this.logger.warn(`client ${name}: ${err.message}; reconnecting`);
    });
    client.on('ready', () => {
      if (this.down.delete(name)) this.logger.log(`client ${name}: reconnected`);
    });
    return client;
  }
}
