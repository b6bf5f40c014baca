import type { ClientEventName, ServerEvents, Subject } from '@affluents/contracts';
import type { Server, Socket } from 'socket.io';

/** What the handshake stores on each socket. */
export interface SocketData {
  userId: string;
  displayName: string;
  subject: Subject;
  /** The session token, to re-resolve the session on revalidation. */
  sessionToken: string;
  /** Presence scopes this socket is present in (heartbeats are sent for them). */
  presenceScopes: Set<string>;
}

/** Events between server nodes (through the adapter). */
export interface InterServerEvents {
  /** Re-check the sockets of this user (access changed). */
  revalidate: (userId: string) => void;
}

/** Client events arrive untyped on purpose: every payload is validated by the event router. */
export type ClientEvents = Record<
  ClientEventName,
  (payload: unknown, ack?: (answer: unknown) => void) => void
>;

export type IoServer = Server<ClientEvents, ServerEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientEvents, ServerEvents, InterServerEvents, SocketData>;
