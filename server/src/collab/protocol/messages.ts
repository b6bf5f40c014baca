import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/** Message types of the y-websocket protocol (the first varUint of every frame). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
/** Sub-types of a sync message (y-protocols/sync). */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

/** A decoded client frame. Every byte of the frame is accounted for, or decoding throws. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' }
  | { type: 'auth' };

/**
 * One client's part of an awareness update: its caret state as JSON text (`null` when the caret left),
 * parsed only for the entries a connection may send (see AwarenessGuard); the others are dropped unread.
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  json: string;
}

/**
 * Entries one awareness frame may carry. The stock provider sends its own state, or echoes what it received
 * (at most every caret of the document, one per connection); decoding 200,000 entries held the loop 300 ms.
 */
export const MAX_AWARENESS_ENTRIES = 1000;

/** Thrown for a frame that is not a well-formed y-websocket message. */
export class MalformedMessageError extends Error {}

function done(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message');
}

/**
 * Decodes one frame from a client. Throws MalformedMessageError for truncated, unknown or over-long
 * frames; the update bytes themselves are checked by `validateUpdate` before they touch a document.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        done(decoder);
        if (syncType === SyncType.Step1) {
          Y.decodeStateVector(payload);
          return { type: 'sync-step1', stateVector: payload };
        }
        if (syncType === SyncType.Step2 || syncType === SyncType.Update) {
          return { type: 'sync-update', update: payload };
        }
        throw new MalformedMessageError(`unknown sync message type ${syncType}`);
      }
      case MessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        done(decoder);
        return { type: 'awareness', entries: decodeAwarenessUpdate(update) };
      }
      case MessageType.QueryAwareness:
        done(decoder);
        return { type: 'query-awareness' };
      case MessageType.Auth:
        return { type: 'auth' };
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err;
    throw new MalformedMessageError(err instanceof Error ? err.message : String(err));
  }
}

/** Reads an awareness update (client ids, clocks, state texts) without applying it. */
function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) {
    throw new MalformedMessageError(
      `awareness update with ${count} entries (at most ${MAX_AWARENESS_ENTRIES})`,
    );
  }
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, json: decoding.readVarString(decoder) });
  }
  done(decoder);
  return entries;
}

/** Encodes awareness entries (states already serialised) as an awareness update. */
export function encodeAwarenessEntries(entries: Iterable<AwarenessEntry>): Uint8Array {
  return message((e) => {
    const list = [...entries];
    encoding.writeVarUint(e, list.length);
    for (const entry of list) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, entry.json);
    }
  });
}

/**
 * Parses a Yjs update completely (every struct and the delete set) without integrating it, so a
 * truncated or garbled update is refused before it can leave a shared document half-applied. Returns
 * the decoded structs and delete set for the checks that follow.
 */
export function validateUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedMessageError(`invalid update: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Step1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
}

/** Sync step 2: what the client lacks, given its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Step2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  });
}

/** A live document update. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Update);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An awareness update (carets, names). */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/** Every awareness state of the document, or null when there is none. */
export function encodeAwarenessStates(awareness: awarenessProtocol.Awareness): Uint8Array | null {
  const clients = [...awareness.getStates().keys()];
  if (clients.length === 0) return null;
  return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/**
 * The y-protocols "permission denied" auth message: the stock provider logs the reason and keeps
 * working, which is how a reader learns that its changes were not applied.
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MessageType.Auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, reason);
  });
}
