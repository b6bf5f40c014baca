import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';

/** One entry of an awareness update: a client id, its clock and its state (null: the caret left). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Encodes an awareness frame of the y-websocket protocol (message type 1) by hand, with any ids and clocks. */
export function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, JSON.stringify(entry.state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

function decodeAwareness(data: Buffer): AwarenessEntry[] | null {
  const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  if (decoding.readVarUint(decoder) !== 1) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const entries: AwarenessEntry[] = [];
  const count = decoding.readVarUint(update);
  for (let i = 0; i < count; i++) {
    entries.push({
      clientId: decoding.readVarUint(update),
      clock: decoding.readVarUint(update),
      state: JSON.parse(decoding.readVarString(update)),
    });
  }
  return entries;
}

/**
 * A raw protocol client of one document: sends hand-made awareness frames (what no honest provider sends)
 * and records every awareness entry the server passes on, so a test sees exactly what others are shown.
 */
export interface AwarenessPeer {
  ws: WebSocket;
  /** The last state the server showed for each client id (removed on a null state). */
  states: Map<number, AwarenessEntry>;
  /** Every entry received, in order. */
  received: AwarenessEntry[];
  closed: Promise<{ code: number; reason: string }>;
  send(entries: AwarenessEntry[]): void;
  close(): void;
}

/** Opens a raw socket on `<wsUrl>/<docName>` with the session cookie. */
export function openAwarenessPeer(wsUrl: string, docName: string, cookie: string): Promise<AwarenessPeer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/${docName}`, { headers: { cookie } });
    const states = new Map<number, AwarenessEntry>();
    const received: AwarenessEntry[] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on('close', (code, reason) => done({ code, reason: reason.toString() })),
    );
    ws.on('message', (data) => {
      const entries = decodeAwareness(data as Buffer);
      for (const entry of entries ?? []) {
        received.push(entry);
        if (entry.state === null) states.delete(entry.clientId);
        else states.set(entry.clientId, entry);
      }
    });
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        states,
        received,
        closed,
        send: (entries) => ws.send(awarenessFrame(entries)),
        close: () => ws.close(),
      }),
    );
  });
}
