import type { Server as HttpServer } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisService } from '../infra/redis/redis.service';
import type { IoServer, IoSocket } from './socket-data';

/** Path of the Socket.IO endpoint, on the API's own HTTP server. */
export const SOCKET_IO_PATH = '/socket.io/';

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

  /** Creates the server on the HTTP server. */
  async start(): Promise<IoServer> {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
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
        this.redis.client('socketio-sub'),
      ]);
      io.adapter(createAdapter(pub, sub, { key: this.redis.keys.socketIoAdapter() }));
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
      this.logger.debug(`adapter close: ${err instanceof Error ? err.message : String(err)}`);
    }
    io.engine.close();
  }
}
