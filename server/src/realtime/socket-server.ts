import type { Server as HttpServer } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import type { RedisClientType } from 'redis';
import { Server } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisService } from '../infra/redis/redis.service';
import type { IoServer, IoSocket } from './socket-data';

/** Path of the Socket.IO endpoint, on the API's own HTTP server. */
export const SOCKET_IO_PATH = '/socket.io/';

/** Delay before a subscription the connection loss refused is asked again (it waits for the connection). */
const RESUBSCRIBE_DELAY_MS = 500;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The Redis adapter publishes without awaiting (every room broadcast, `serverSideEmit`) and subscribes
 * and unsubscribes without awaiting either: when the connection to Redis resets, those promises reject
 * with nobody to catch them, and an unhandled rejection ends the process. The adapter is given views
 * of its clients that catch them. A publish that failed is lost for the other nodes only (this node's
 * sockets got the event already); a subscription that failed is asked again until the client is closed
 * (node-redis renews the subscriptions it holds after each reconnection, not one in flight at the reset).
 */
function adapterClient(client: RedisClientType, onError: (what: string, err: unknown) => void) {
  const subscribe = new Set(['subscribe', 'pSubscribe', 'sSubscribe']);
  const fireAndForget = new Set(['publish', 'sPublish', 'unsubscribe', 'pUnsubscribe', 'sUnsubscribe']);
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      const name = String(property);
      // A method that throws instead of rejecting (a closed client) is caught the same way.
      const call = (args: unknown[]) => new Promise((resolve) => resolve(method.apply(target, args)));
      if (fireAndForget.has(name)) {
        return (...args: unknown[]) =>
          call(args).catch((err: unknown) => {
            onError(name, err);
            return 0;
          });
      }
      if (subscribe.has(name)) {
        return (...args: unknown[]) => {
          const attempt = (): Promise<void> =>
            call(args).then(
              () => undefined,
              (err: unknown) => {
                if (!target.isOpen) return;
                onError(name, err);
                setTimeout(() => void attempt(), RESUBSCRIBE_DELAY_MS).unref();
              },
            );
          return attempt();
        };
      }
      // node-redis keeps its state in private fields: its methods must run on the client itself.
      return method.bind(target);
    },
  });
}

/**
 * Owns the Socket.IO server: attaches it to the Nest HTTP server, with the Redis adapter when REDIS_URL
 * is set (events and rooms across nodes) or the in-memory one otherwise, and closes it on shutdown.
 */
@Injectable()
export class SocketServer {
  private readonly logger = new Logger('SocketServer');
  private server: IoServer | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The running server; throws before start. */
  get io(): IoServer {
    if (!this.server) throw new Error('Socket.IO server not started');
    return this.server;
  }

  get started(): boolean {
    return this.server !== null;
  }

  /**
   * Creates the server on the HTTP server. A command-line context (seed, create-admin) has no HTTP
   * server: nothing starts and null is returned.
   */
  async start(): Promise<IoServer | null> {
    const httpServer = this.adapterHost.httpAdapter?.getHttpServer() as HttpServer | undefined;
    if (!httpServer) return null;
    const io: IoServer = new Server(httpServer, {
      path: SOCKET_IO_PATH,
      serveClient: false,
      maxHttpBufferSize: this.config.realtime.maxPayloadBytes,
      // The collab gateway authorises /collab/ upgrades asynchronously: Socket.IO must not destroy them.
      destroyUpgrade: false,
      cors: { origin: this.config.allowedOrigins, credentials: true },
    });
    if (this.redis.enabled) {
      const [pub, sub] = await Promise.all([
        this.redis.client('socketio-pub'),
        this.redis.client('socketio-sub', 'subscriber'),
      ]);
      const onError = (what: string, err: unknown) =>
        this.logger.debug(`Redis adapter ${what} failed: ${errorText(err)}`);
      io.adapter(
        createAdapter(adapterClient(pub, onError), adapterClient(sub, onError), {
          key: this.redis.keys.socketIoAdapter(),
        }),
      );
    }
    this.server = io;
    return io;
  }

  /** The sockets connected to this node. */
  localSockets(): IoSocket[] {
    return this.server ? [...this.server.of('/').sockets.values()] : [];
  }

  /**
   * Disconnects this node's sockets and stops the engine, leaving the HTTP server to Nest (io.close()
   * would close it too).
   */
  async close(): Promise<void> {
    const io = this.server;
    if (!io) return;
    this.server = null;
    io.local.disconnectSockets(true);
    try {
      await io.of('/').adapter.close();
    } catch (err) {
      this.logger.debug(`adapter close: ${errorText(err)}`);
    }
    io.engine.close();
  }
}
