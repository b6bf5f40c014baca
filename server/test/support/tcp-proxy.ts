import { type AddressInfo, createServer, type Server, Socket } from 'node:net';

/**
 * A TCP proxy between the app and a dependency (Redis, PostgreSQL) that a test can break in the ways a
 * network does, without touching the machine's shared servers:
 * - `reset()`: every open connection is cut at once (the app's client sees its socket close unexpectedly, as
 *   when Redis or PostgreSQL restarts); new ones are accepted. Not with `resetAndDestroy()` (a TCP RST): on
 *   Node 20 a socket reset that way sometimes leaves its handle open, and the test process then spins forever
 *   in its exit clean-up after every test passed (seen in CI; the old code still crashes on the plain cut);
 * - `refuse()`: open connections are reset and the port stops listening (ECONNREFUSED), until `resume()`;
 * - `pause()`: a partition: connections stay open but bytes are held in both directions (nothing is
 *   answered, nothing is reset) and new connections hang unanswered, until `resume()` lets them through.
 * The port stays the same for the proxy's whole life, so the app's URL keeps working after `resume()`.
 */
export class TcpProxy {
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private server: Server | null = null;
  private port = 0;
  private paused = false;
  private readonly held: Socket[] = [];

  constructor(private readonly target: { host: string; port: number }) {}

  /** A proxy in front of the host and port of a `redis://` or `postgres://` URL. */
  static forUrl(url: string): TcpProxy {
    const parsed = new URL(url);
    const defaultPort = parsed.protocol.startsWith('redis') ? 6379 : 5432;
    return new TcpProxy({ host: parsed.hostname, port: Number(parsed.port || defaultPort) });
  }

  /** Starts listening on an ephemeral port of 127.0.0.1 and returns it. */
  async start(): Promise<number> {
    await this.listen();
    return this.port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string {
    const parsed = new URL(url);
    parsed.host = `127.0.0.1:${this.port}`;
    return parsed.toString();
  }

  /** Connections currently open through the proxy. */
  get connections(): number {
    return this.pairs.size;
  }

  /** Cuts every open connection; new connections are still accepted. */
  reset(): void {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    this.pairs.clear();
  }

  /** Cuts every open connection and stops listening: connecting is refused until `resume()`. */
  async refuse(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.reset();
    for (const socket of this.held.splice(0)) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Holds every byte in both directions and every new connection, as a network partition would. */
  pause(): void {
    this.paused = true;
    for (const { client, upstream } of this.pairs) {
      client.pause();
      upstream.pause();
    }
  }

  /** Ends `pause()` or `refuse()`: held bytes flow again, and the proxy listens (on the same port). */
  async resume(): Promise<void> {
    this.paused = false;
    for (const { client, upstream } of this.pairs) {
      client.resume();
      upstream.resume();
    }
    for (const socket of this.held.splice(0)) this.connect(socket);
    if (!this.server) await this.listen();
  }

  /** Resets everything and stops listening for good. */
  async close(): Promise<void> {
    await this.refuse();
  }

  private async listen(): Promise<void> {
    const server = createServer((client) => {
      client.on('error', () => undefined);
      if (this.paused) this.held.push(client);
      else this.connect(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private connect(client: Socket): void {
    const upstream = new Socket();
    const pair = { client, upstream };
    this.pairs.add(pair);
    upstream.on('error', () => undefined);
    upstream.connect(this.target.port, this.target.host);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
  }
}
