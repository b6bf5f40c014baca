import type {
  ClientEventName,
  ClientEventResults,
  ClientEventSchemas,
  ServerEvents,
  Subject,
} from '@affluents/contracts';
import type { z } from 'zod';

/** Room names of the Socket.IO server: one place so emitters and joiners never disagree. */
export const rooms = {
  /** Every socket of one user (notifications, read markers across tabs). */
  user: (userId: string) => `user:${userId}`,
  /** Members of a group (thread list changes). Joined at connection for each membership. */
  group: (groupId: string) => `group:${groupId}`,
  /** Sockets that opened a thread (messages, typing). Joined with `thread:join`. */
  thread: (threadId: string) => `thread:${threadId}`,
  /** Sockets that opened a fiche (comments, metadata). Joined with `fiche:join`. */
  fiche: (ficheId: string) => `fiche:${ficheId}`,
  /** Sockets watching who is present in a scope (`group:<id>`, `thread:<id>`, `fiche:<id>`). */
  presence: (scope: string) => `presence:${scope}`,
} as const;

/** The connected user behind one socket, as event handlers see it. */
export interface SocketContext {
  readonly socketId: string;
  readonly userId: string;
  readonly displayName: string;
  /** The policy subject, refreshed when the user's access is revalidated. */
  readonly subject: Subject;
  join(room: string): Promise<void>;
  leave(room: string): Promise<void>;
  /** Emits to a room, on every node, except this socket. */
  toOthers<E extends keyof ServerEvents>(room: string, event: E, ...args: Parameters<ServerEvents[E]>): void;
}

export type ClientEventPayload<E extends ClientEventName> = z.output<(typeof ClientEventSchemas)[E]>;

/** Handles one validated client event; throw an AppError (4xx) to answer `{ ok: false, error }`. */
export type ClientEventHandler<E extends ClientEventName> = (
  ctx: SocketContext,
  payload: ClientEventPayload<E>,
) => Promise<ClientEventResults[E]>;

/** Says whether a subject may be in a room `<prefix>:<id>` (checked at join and on revalidation). */
export type RoomAuthorizer = (subject: Subject, id: string) => Promise<boolean>;

/**
 * What domain modules see of the realtime (Socket.IO) layer. Domain code emits and registers handlers
 * through it and never touches Socket.IO: the implementation owns sockets, rooms, the Redis adapter,
 * validation of payloads against `ClientEventSchemas`, acknowledgements, rate limits and presence.
 */
export abstract class RealtimeHub {
  /** Emits to everyone in a room (or in any of several rooms, once per socket), on every node. */
  abstract emit<E extends keyof ServerEvents>(
    room: string | string[],
    event: E,
    ...args: Parameters<ServerEvents[E]>
  ): void;

  /** Registers the handler of a client event (one per event; called by domain modules at init). */
  abstract handle<E extends ClientEventName>(event: E, handler: ClientEventHandler<E>): void;

  /** Registers who may be in rooms `<prefix>:<id>` (e.g. `thread`, `fiche`). */
  abstract authorizeRooms(prefix: string, authorizer: RoomAuthorizer): void;
}
