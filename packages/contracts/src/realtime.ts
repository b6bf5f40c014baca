import { z } from 'zod';
import type { FicheComment } from './comments';
import { Id } from './common';
import type { Message, ThreadSummary } from './discussions';
import {
  EditMessageRequest,
  MarkReadRequest,
  MessageRef,
  ReactRequest,
  SendMessageRequest,
} from './discussions';
import type { ApiError } from './errors';
import type { LiveState } from './meetings';
import { GiveFloorEvent, GotoItemEvent, MeetingRoomEvent } from './meetings';
import type { Notification } from './notifications';
import type { Poll } from './polls';
import type { PresenceSnapshot } from './presence';
import { PresenceScope } from './presence';

/**
 * The Socket.IO protocol of Affluents (path `/socket.io/`, same port as the API).
 * The handshake is authenticated by the session cookie and its Origin checked. Every client event is
 * acknowledged with `Ack<T>`: `{ ok: true, data }` or `{ ok: false, error }` (an invalid event changes nothing).
 *
 * Event names, both ways, are `<subject>:<verb>` in lower case (`realtime.spec.ts` checks them):
 * - the subject is the domain identifier of docs/GLOSSARY.md (`thread`, `message`, `meeting`, `fiche`...);
 * - a client event says what the client asks, with a verb in the imperative (`thread:join`, `message:send`,
 *   `read:mark`, `hand:raise`);
 * - a server event says what happened, with a past participle or `new` (`message:new`, `thread:updated`,
 *   `typing:started`, `access:revoked`); `meeting:live` (the live state) is the one noun.
 * Rooms are named `<subject>:<id>` by `rooms` in server/src/realtime/realtime-hub.ts.
 */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Catching up one thread: messages after `afterSeq` and changes to older ones after `afterChange`. */
export const ThreadCursor = z
  .object({
    threadId: Id,
    afterSeq: z.number().int().min(0),
    afterChange: z.number().int().min(0).default(0),
  })
  .strict();
export type ThreadCursor = z.infer<typeof ThreadCursor>;

/** `thread:join`: enter a thread's room and receive what was missed, in order. */
export const JoinThreadEvent = ThreadCursor;
export interface JoinThreadResult {
  /** New messages with seq > afterSeq, ascending, no gap (capped: `truncated` says to page over HTTP). */
  messages: Message[];
  /** Older messages (seq <= afterSeq) changed after `afterChange`: edits, deletions, reactions. */
  changed: Message[];
  lastSeq: number;
  lastChange: number;
  truncated: boolean;
}

export const LeaveThreadEvent = z.object({ threadId: Id }).strict();
export const TypingEvent = z.object({ threadId: Id }).strict();
export const PresenceJoinEvent = z.object({ scope: PresenceScope }).strict();
/** `fiche:join`: enter a fiche's room to receive its comments and metadata changes live. */
export const FicheRoomEvent = z.object({ ficheId: Id }).strict();

export const ClientEventSchemas = {
  'thread:join': JoinThreadEvent,
  'thread:leave': LeaveThreadEvent,
  'message:send': SendMessageRequest,
  'message:edit': EditMessageRequest,
  'message:delete': MessageRef,
  'reaction:set': ReactRequest,
  'typing:start': TypingEvent,
  'read:mark': MarkReadRequest,
  'presence:join': PresenceJoinEvent,
  'presence:leave': PresenceJoinEvent,
  'fiche:join': FicheRoomEvent,
  'fiche:leave': FicheRoomEvent,
  /** Live mode of a meeting: join its room (members and its guests) and get the live state. */
  'meeting:join': MeetingRoomEvent,
  'meeting:leave': MeetingRoomEvent,
  /** Facilitators: start, move to an item (timer restarts), end. */
  'meeting:start': MeetingRoomEvent,
  'meeting:goto': GotoItemEvent,
  'meeting:end': MeetingRoomEvent,
  /** Participants raise and lower their hand; facilitators give the floor (null: nobody). */
  'hand:raise': MeetingRoomEvent,
  'hand:lower': MeetingRoomEvent,
  'floor:give': GiveFloorEvent,
} as const;
export type ClientEventName = keyof typeof ClientEventSchemas;

/** Results acknowledged for each client event. */
export interface ClientEventResults {
  'thread:join': JoinThreadResult;
  'thread:leave': null;
  'message:send': Message;
  'message:edit': Message;
  'message:delete': Message;
  'reaction:set': Message;
  'typing:start': null;
  'read:mark': { threadId: string; seq: number };
  'presence:join': PresenceSnapshot;
  'presence:leave': null;
  'fiche:join': null;
  'fiche:leave': null;
  'meeting:join': LiveState;
  'meeting:leave': null;
  'meeting:start': LiveState;
  'meeting:goto': LiveState;
  'meeting:end': LiveState;
  'hand:raise': LiveState;
  'hand:lower': LiveState;
  'floor:give': LiveState;
}

/** What a client sends for `E`: the input of its schema (before defaults are applied). */
export type ClientEventPayload<E extends ClientEventName> = z.input<(typeof ClientEventSchemas)[E]>;

/**
 * The client events as Socket.IO's typed event map (the client's `Socket<ServerEvents, ClientEvents>`):
 * each carries its payload and an acknowledgement callback.
 */
export type ClientEvents = {
  [E in ClientEventName]: (
    payload: ClientEventPayload<E>,
    ack: (ack: Ack<ClientEventResults[E]>) => void,
  ) => void;
};

/** Events the server pushes. Rooms: `user:<id>`, `group:<id>`, `thread:<id>`, `fiche:<id>`, `presence:<scope>`. */
export interface ServerEvents {
  /** A new message in a joined thread. */
  'message:new': (message: Message) => void;
  /** An edited, deleted, hidden, moved or reacted message. */
  'message:updated': (message: Message) => void;
  /** A thread created or changed (title, pin, lock, solved, last message) in one of my groups. */
  'thread:updated': (
    thread: Pick<
      ThreadSummary,
      'id' | 'groupId' | 'title' | 'kind' | 'pinned' | 'locked' | 'status' | 'lastSeq' | 'lastMessageAt'
    >,
  ) => void;
  'typing:started': (event: { threadId: string; user: { id: string; displayName: string } }) => void;
  /** My read position moved (from another tab or device). */
  'read:moved': (event: { threadId: string; seq: number }) => void;
  'presence:updated': (snapshot: PresenceSnapshot) => void;
  'notification:new': (notification: Notification) => void;
  'poll:updated': (poll: Poll) => void;
  'comment:updated': (comment: FicheComment) => void;
  /** Metadata of a fiche changed (title, status, tags): refetch it. */
  'fiche:updated': (event: { ficheId: string }) => void;
  /** Live mode: the whole state after any change (item, timer, queue, speaker, status). */
  'meeting:live': (state: LiveState) => void;
  /** A meeting's details changed (date, place, answers, attendance, actions, minutes): refetch it. */
  'meeting:updated': (event: { meetingId: string }) => void;
  /** Something happened in one of my groups (« Nouveautés »): refetch the activity. */
  'activity:new': (event: { groupId: string }) => void;
  /** Access changed: the server removed the socket from these rooms. */
  'access:revoked': (event: { rooms: string[] }) => void;
  /** My rights changed (platform role, a group role or membership): refetch who I am and what I may do. */
  'access:changed': () => void;
}

/** Every server event name, once: the compiler fails when `ServerEvents` gains or loses one. */
const serverEventSet: Record<keyof ServerEvents, true> = {
  'message:new': true,
  'message:updated': true,
  'thread:updated': true,
  'typing:started': true,
  'read:moved': true,
  'presence:updated': true,
  'notification:new': true,
  'poll:updated': true,
  'comment:updated': true,
  'fiche:updated': true,
  'meeting:live': true,
  'meeting:updated': true,
  'activity:new': true,
  'access:revoked': true,
  'access:changed': true,
};
export const serverEventNames = Object.keys(serverEventSet) as Array<keyof ServerEvents>;
