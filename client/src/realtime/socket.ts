import type {
  Ack,
  ApiError,
  ClientEventName,
  ClientEventPayload,
  ClientEventResults,
  ClientEvents,
  ServerEvents,
} from '@affluents/contracts';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';

/**
 * The one Socket.IO connection of the page (chat, notifications, presence, live comments), opened on
 * first use with the session cookie and closed at sign-out. Socket.IO reconnects by itself; features
 * re-join their rooms on `connect` (see `useSocketEvent('connect', ...)` in their hooks).
 */
export type AppSocket = Socket<ServerEvents, ClientEvents>;

let socket: AppSocket | null = null;
const statusListeners = new Set<() => void>();
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';
let status: SocketStatus = 'disconnected';

function setStatus(next: SocketStatus) {
  status = next;
  for (const listener of statusListeners) listener();
}

export function getSocket(): AppSocket {
  if (!socket) {
    socket = io({ path: '/socket.io/', withCredentials: true, transports: ['websocket', 'polling'] });
    setStatus('connecting');
    socket.on('connect', () => setStatus('connected'));
    socket.on('disconnect', () => setStatus('disconnected'));
    socket.io.on('reconnect_attempt', () => setStatus('connecting'));
  }
  return socket;
}

/** Closes the connection (sign-out): the next `getSocket()` opens a new one with the new session. */
export function closeSocket(): void {
  socket?.disconnect();
  socket = null;
  setStatus('disconnected');
}

/** A refused or failed socket request, carrying the server's error body. */
export class SocketRequestError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export type ClientEventInput<E extends ClientEventName> = ClientEventPayload<E>;

/**
 * Sends a client event and waits for its acknowledgement. Rejects with `SocketRequestError` when the
 * server refused it, or with a timeout error when no acknowledgement came (the caller may resend: sends
 * carry a client id, so a resend never duplicates).
 */
export async function request<E extends ClientEventName>(
  event: E,
  payload: ClientEventInput<E>,
  timeoutMs = 10_000,
): Promise<ClientEventResults[E]> {
  const timed = getSocket().timeout(timeoutMs);
  // TypeScript cannot resolve Socket.IO's conditional event types over a generic `E`: the same signature,
  // spelled out from the contracts' maps.
  const emit = timed.emitWithAck.bind(timed) as unknown as (
    event: E,
    payload: ClientEventInput<E>,
  ) => Promise<Ack<ClientEventResults[E]>>;
  const ack = await emit(event, payload);
  if (!ack.ok) throw new SocketRequestError(ack.error);
  return ack.data;
}

/** Subscribes to a server event (or `connect`) while the component is mounted. */
export function useSocketEvent<E extends keyof ServerEvents | 'connect'>(
  event: E,
  handler: E extends keyof ServerEvents ? ServerEvents[E] : () => void,
): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const s = getSocket();
    const listener = (...args: unknown[]) => (latest.current as (...a: unknown[]) => void)(...args);
    // The hook's signature checks the event against the map; Socket.IO's own listener types cannot follow
    // a generic event name, so the listener goes through the untyped side of the emitter.
    const emitter = s as unknown as {
      on(event: string, listener: (...args: unknown[]) => void): void;
      off(event: string, listener: (...args: unknown[]) => void): void;
    };
    emitter.on(event, listener);
    return () => emitter.off(event, listener);
  }, [event]);
}

/** The connection state, for the "hors ligne" / "reconnexion..." indicators. */
export function useSocketStatus(): SocketStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => status,
  );
}
