/**
 * A document client speaking the y-websocket sync protocol (y-protocols over `ws`), lighter than the
 * full WebsocketProvider so that one generator process can drive hundreds of editors. Hocuspocus speaks
 * the same messages with the document name in front of each and an Auth message first; `flavour`
 * switches between the two. Awareness is not sent (editors' cursors are not what is measured).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const SYNC = 0;
const AUTH = 2;

/**
 * Opens `url` for document `docName`; resolves once the first sync is done (the server's step 2
 * applied) with { doc, ws, send(update), close() }. `onRemote(update, texts)` sees every update from others
 * once applied, with the strings it inserted that the document did not have before (read from the update
 * itself: Y.Text's event.delta walks the whole text, which made the generator's cost grow with the
 * document and saturate it in a minute of editing).
 */
/** The strings an update inserts that `doc` does not have yet (the part of each string beyond its state). */
function newTexts(doc, update) {
  const texts = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
    const known = Y.getState(doc.store, struct.id.client) - struct.id.clock;
    if (known >= struct.length) continue;
    texts.push(known > 0 ? struct.content.str.slice(known) : struct.content.str);
  }
  return texts;
}

export function connectDoc({ url, docName, flavour = 'yws', headers, onRemote, timeoutMs = 30_000 }) {
  return new Promise((resolve, reject) => {
    const doc = new Y.Doc();
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    const prefix = (encoder) => {
      if (flavour === 'hocus') encoding.writeVarString(encoder, docName);
    };
    const frame = (write) => {
      const encoder = encoding.createEncoder();
      prefix(encoder);
      write(encoder);
      return encoding.toUint8Array(encoder);
    };
    let synced = false;
    const timer = setTimeout(
      () => fail(new Error(`no sync within ${timeoutMs} ms on ${docName}`)),
      timeoutMs,
    );
    const fail = (err) => {
      clearTimeout(timer);
      ws.terminate();
      reject(err);
    };
    const api = {
      doc,
      ws,
      /** Sends a local update to the server. */
      send: (update) =>
        ws.readyState === WebSocket.OPEN &&
        ws.send(
          frame((e) => {
            encoding.writeVarUint(e, SYNC);
            syncProtocol.writeUpdate(e, update);
          }),
        ),
      close: () =>
        new Promise((r) => {
          if (ws.readyState === WebSocket.CLOSED) return r();
          ws.once('close', r);
          ws.close();
        }),
    };
    doc.on('update', (update, origin) => {
      if (origin !== 'remote') api.send(update);
    });
    ws.on('open', () => {
      if (flavour === 'hocus') {
        ws.send(
          frame((e) => {
            encoding.writeVarUint(e, AUTH);
            encoding.writeVarUint(e, 0);
            encoding.writeVarString(e, '');
          }),
        );
      }
      ws.send(
        frame((e) => {
          encoding.writeVarUint(e, SYNC);
          syncProtocol.writeSyncStep1(e, doc);
        }),
      );
    });
    ws.on('message', (data) => {
      const decoder = decoding.createDecoder(data);
      if (flavour === 'hocus') decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      // Hocuspocus answers a client's step 1 with SyncReply (4): the same sync payload.
      if (type !== SYNC && type !== 4) return;
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const sv = decoding.readVarUint8Array(decoder);
        ws.send(
          frame((e) => {
            encoding.writeVarUint(e, SYNC);
            encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
            encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, sv));
          }),
        );
        return;
      }
      const update = decoding.readVarUint8Array(decoder);
      const texts = synced && onRemote ? newTexts(doc, update) : null;
      Y.applyUpdate(doc, update, 'remote');
      if (syncType === syncProtocol.messageYjsSyncStep2 && !synced) {
        synced = true;
        clearTimeout(timer);
        resolve(api);
      } else if (synced) onRemote?.(update, texts);
    });
    ws.on('unexpected-response', (_req, res) => fail(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    ws.on('error', (err) => !synced && fail(err));
    ws.on('close', (code) => !synced && fail(new Error(`closed (${code}) before sync on ${docName}`)));
  });
}
