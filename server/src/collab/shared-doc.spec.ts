import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { FANOUT_ORIGIN, SharedDoc, type SharedDocSink } from './shared-doc';

const sink: SharedDocSink = { clientUpdate: () => undefined, localAwareness: () => undefined };

/** Applies the update carried by a sync step 2 frame to a new document and returns its text. */
function textOfStep2(frame: Uint8Array, base?: Y.Doc): string {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder); // message type: sync
  expect(decoding.readVarUint(decoder)).toBe(1); // sync step 2
  const doc = base ?? new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  return doc.getText('body').toString();
}

describe('SharedDoc sync step 2', () => {
  it('encodes the whole document once for every client that has nothing, until the next change', () => {
    const doc = new Y.Doc();
    doc.getText('body').insert(0, 'bonjour');
    const shared = new SharedDoc('test:doc', doc, sink);
    const empty = Y.encodeStateVector(new Y.Doc());
    const first = shared.syncStep2For(empty);
    expect(shared.syncStep2For(empty)).toBe(first);
    expect(textOfStep2(first)).toBe('bonjour');

    doc.getText('body').insert(7, ' à tous');
    const afterChange = shared.syncStep2For(empty);
    expect(afterChange).not.toBe(first);
    expect(textOfStep2(afterChange)).toBe('bonjour à tous');
    shared.destroy();
  });

  it('answers a client that already has part of the document with the diff only', () => {
    const doc = new Y.Doc();
    doc.getText('body').insert(0, 'début');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const shared = new SharedDoc('test:doc', doc, sink);
    doc.getText('body').insert(5, ' et suite');
    const frame = shared.syncStep2For(Y.encodeStateVector(client));
    expect(frame.byteLength).toBeLessThan(shared.syncStep2For(Y.encodeStateVector(new Y.Doc())).byteLength);
    expect(textOfStep2(frame, client)).toBe('début et suite');
    shared.destroy();
  });
});

describe('SharedDoc.applyClientUpdate', () => {
  /** An update whose first part (`seed`) the server never gets: only what follows it. */
  function gappedUpdate(client: number, bytes: number): Uint8Array {
    const writer = new Y.Doc();
    writer.clientID = client;
    writer.getText('body').insert(0, 'x');
    const seen = Y.encodeStateVector(writer);
    writer.getText('body').insert(1, 'y'.repeat(bytes));
    return Y.encodeStateAsUpdate(writer, seen);
  }

  it("drops what a client's update leaves pending and keeps what other nodes left pending", () => {
    const doc = new Y.Doc();
    const shared = new SharedDoc('test:doc', doc, sink);
    const peer = { send: () => undefined, awarenessIds: new Set<number>() };
    shared.peers.add(peer);
    const fromOtherNode = gappedUpdate(11, 100);
    Y.applyUpdate(doc, fromOtherNode, FANOUT_ORIGIN);
    const pending = doc.store.pendingStructs?.update;
    expect(pending).toBeDefined();

    expect(shared.applyClientUpdate(gappedUpdate(12, 50_000), peer)).toBeGreaterThan(50_000);
    expect(doc.store.pendingStructs?.update).toBe(pending);
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(1_000);

    const honest = new Y.Doc();
    honest.clientID = 13;
    honest.getText('body').insert(0, 'bonjour');
    expect(shared.applyClientUpdate(Y.encodeStateAsUpdate(honest), peer)).toBe(0);
    expect(doc.getText('body').toString()).toBe('bonjour');
    shared.destroy();
  });
});
