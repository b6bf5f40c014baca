import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { SharedDoc, type SharedDocSink } from './shared-doc';

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
