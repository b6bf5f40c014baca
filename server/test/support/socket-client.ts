import type { AddressInfo } from 'node:net';
import type { Ack, ClientEventName, ClientEventResults } from '@affluents/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from './test-app';

/** Listens on an ephemeral port of 127.0.0.1 (if not yet) and returns the app's base URL. */
export async function listen(app: NestExpressApplication): Promise<string> {
  const server = app.getHttpServer();
  if (!server.listening) await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Signs in over HTTP and returns the `name=value` session cookie to send with sockets. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error(`sign-in of ${email} set no cookie`);
  return cookie.split(';')[0];
}

/** The error of a refused connection, with the server's `data` ({ status, code }). */
export type ConnectError = Error & { data?: { status: number; code: string } };

/**
 * Opens a websocket-only Socket.IO connection with a cookie (and an Origin when given); resolves once
 * connected, rejects with the connect_error (and closes the socket) when the handshake is refused.
 */
export function connectSocket(
  baseUrl: string,
  cookie: string | null,
  options: { origin?: string } = {},
): Promise<Socket> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (options.origin) headers.origin = options.origin;
  const socket = io(baseUrl, {
    path: '/socket.io/',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.off('connect_error');
      resolve(socket);
    });
    socket.once('connect_error', (err: ConnectError) => {
      socket.close();
      reject(err);
    });
  });
}

/** Emits a client event and resolves with its acknowledgement (rejects after `timeoutMs`). */
export async function ack<E extends ClientEventName>(
  socket: Socket,
  event: E | string,
  payload: unknown,
  timeoutMs = 5000,
): Promise<Ack<E extends ClientEventName ? ClientEventResults[E] : unknown>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload);
}

/** Resolves with the next `event` the socket receives that matches `filter` (rejects after `timeoutMs`). */
export function nextEvent<T = unknown>(
  socket: Socket,
  event: string,
  filter: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!filter(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** A test app listening on a real port, with sign-in and socket helpers. */
export interface SocketTestApp extends TestApp {
  baseUrl: string;
  /** Signs in as an account made by the factories and opens a socket with that session. */
  connectAs(who: { email: string; password: string }, options?: { origin?: string }): Promise<Socket>;
  /** Every socket opened by connectAs, closed by close(). */
  sockets: Socket[];
}

/** Starts the app (see startTestApp) listening on 127.0.0.1 with an ephemeral port. */
export async function startSocketTestApp(
  options: Parameters<typeof startTestApp>[0] = {},
): Promise<SocketTestApp> {
  const testApp = await startTestApp(options);
  const baseUrl = await listen(testApp.app);
  const sockets: Socket[] = [];
  return {
    ...testApp,
    baseUrl,
    sockets,
    async connectAs(who, connectOptions) {
      const cookie = await signInCookie(baseUrl, who.email, who.password);
      const socket = await connectSocket(baseUrl, cookie, connectOptions);
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.close();
      await testApp.close();
    },
  };
}
