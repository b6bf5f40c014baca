import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE_GOING_AWAY, CollabCloseCode } from '@affluents/contracts';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocket, WebSocketServer } from 'ws';
import { RecurringJob } from '../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SOCKET_IO_PATH } from '../realtime/socket-server';
import { COLLAB_PATH, CollabAuth } from './collab-auth';
import { CollabConnections } from './collab-connections';
import { CollabEvents } from './collab-events';
import { DocRegistry } from './doc-registry';
import { CollabConnection, type ConnectionContext } from './protocol/collab-connection';

const PING_INTERVAL_MS = 30_000;
// Pings go out in slices every second, each connection once per interval: pinging thousands of
// sockets in one go held every editor's updates back for several ms.
const PING_TICK_MS = 1000;

/**
 * ws closes a frame above maxPayload with 1009, on which the provider reconnects and resends the same
 * frame forever; 4413 (in the provider's "do not retry" range) ends that loop.
 */
class CollabSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    if (code === 1009) super.close(CollabCloseCode.TooLarge, 'frame too large');
    else super.close(code, data);
  }
}

/**
 * Keeps a socket error during authorisation from crashing the process. A module-level function, not
 * an arrow inside onUpgrade: such a closure would share onUpgrade's scope and keep each connection's
 * request and head buffer alive for as long as the socket lives.
 */
function ignoreSocketError(): void {}

/** Answers an upgrade we refuse with a real HTTP response, then closes the socket. */
function refuse(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const text = STATUS_CODES[status] ?? 'Error';
  const body = `${reason}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * The y-websocket endpoint at /collab/<document name>, on the API's own HTTP server: takes the upgrades
 * under /collab/ (and leaves every other path to its owner, e.g. Socket.IO), authorises them before
 * any document byte is sent, then hands each socket to a CollabConnection. On shutdown, closes the
 * sockets and flushes the documents before the database closes.
 */
@Injectable()
export class CollabGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('CollabGateway');
  private readonly wss: WebSocketServer;
  private server: Server | null = null;
  private readonly pings = new RecurringJob('CollabPings', () => this.pingSlice(), {
    intervalMs: PING_TICK_MS,
  });
  /** Connections of the current ping round not pinged yet, and how many to ping per tick. */
  private pingRound: CollabConnection[] = [];
  private pingsPerTick = 1;
  private shuttingDown = false;
  private readonly context: ConnectionContext;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: CollabAuth,
    private readonly registry: DocRegistry,
    private readonly connections: CollabConnections,
    private readonly events: CollabEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: config.collab.maxFrameBytes,
      perMessageDeflate: false,
      WebSocket: CollabSocket,
    });
    this.context = {
      registry,
      counters: connections.counters,
      logger: this.logger,
      maxFrameBytes: config.collab.maxFrameBytes,
      maxDocumentBytes: config.collab.maxDocumentBytes,
      onClosed: (connection) => connections.delete(connection),
      onContribution: (docName, user) => events.contributed(docName, user),
    };
  }

  onApplicationBootstrap(): void {
    // A command-line context (seed, create-admin) has no HTTP server: no document connections.
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    this.server = server;
    this.server.on('upgrade', this.onUpgrade);
    this.pings.start();
  }

  /** Pings the next slice of the open connections: every connection once per PING_INTERVAL_MS. */
  private pingSlice(): void {
    if (this.pingRound.length === 0) {
      this.pingRound = this.connections.list();
      this.pingsPerTick = Math.ceil(this.pingRound.length / (PING_INTERVAL_MS / PING_TICK_MS));
    }
    for (const connection of this.pingRound.splice(0, this.pingsPerTick)) {
      if (!connection.isClosed) connection.ping();
    }
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!request.url?.startsWith(COLLAB_PATH)) {
      // Socket.IO answers its own path; nobody else answers any other one (it runs with destroyUpgrade off).
      if (!request.url?.startsWith(SOCKET_IO_PATH)) refuse(socket, 404, 'not found');
      return;
    }
    socket.on('error', ignoreSocketError);
    if (this.shuttingDown) {
      refuse(socket, 503, 'shutting down');
      return;
    }
    this.auth.authorize(request).then(
      (decision) => {
        if (socket.destroyed) return;
        if (!decision.ok) {
          this.connections.counters.refusedUpgrades++;
          this.logger.log(
            `upgrade to ${decision.docName ?? request.url} refused (${decision.status}): ${decision.reason}`,
          );
          return refuse(socket, decision.status, decision.reason);
        }
        if (this.shuttingDown) return refuse(socket, 503, 'shutting down');
        this.wss.handleUpgrade(request, socket, head, (ws) => {
          // ws handles the socket's errors from here on.
          socket.off('error', ignoreSocketError);
          const connection = new CollabConnection(
            ws,
            decision.docName,
            decision.access,
            decision.userId,
            decision.token,
            this.context,
            decision.displayName,
          );
          this.connections.add(connection);
          connection.start();
        });
      },
      (err: unknown) => {
        this.logger.error(`upgrade failed: ${err instanceof Error ? err.message : String(err)}`);
        refuse(socket, 500, 'internal error');
      },
    );
  };

  /**
   * Runs before the database closes (DatabaseModule closes it in onApplicationShutdown): closes every
   * document socket so nothing changes any more, writes every pending update, frees the documents.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.pings.stop();
    this.server?.off('upgrade', this.onUpgrade);
    const sockets = [...this.wss.clients];
    for (const connection of this.connections.list())
      connection.close(CLOSE_GOING_AWAY, 'server shutting down');
    await this.registry.close();
    await this.events.drain();
    await Promise.race([
      Promise.all(
        sockets.map((ws) =>
          ws.readyState === WebSocket.CLOSED ? null : new Promise((r) => ws.once('close', r)),
        ),
      ),
      new Promise((r) => setTimeout(r, 1000).unref()),
    ]);
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise((r) => this.wss.close(r));
  }
}
