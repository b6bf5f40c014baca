import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessMessage, encodeSyncStep2, encodeUpdateMessage } from './protocol/messages';

/** One client connection as the shared document sees it. */
export interface CollabPeer {
  /** Sends one frame to the client (dropped if the socket is closing). */
  send(frame: Uint8Array): void;
  /** Awareness client ids this connection owns (see AwarenessGuard), whose carets are removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** The user behind the connection; absent for the server's own changes. */
  readonly userId?: string;
}

/** The state vector of a client that has nothing yet (no client ids). */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Map());

/** Bytes Yjs holds for updates it could not integrate yet (they wait for changes never received). */
function pendingBytes(store: Y.Doc['store']): number {
  return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
}

/** Origin of changes that came from another node through the fan-out: never stored nor re-published here. */
export const FANOUT_ORIGIN = Symbol('collab-fanout');
/** Origin of changes read back from storage: shown to local clients, never stored again. */
export const STORAGE_ORIGIN = Symbol('collab-storage');

/** What a shared document reports about the changes its local clients make. */
export interface SharedDocSink {
  /** An update a local client made: to store and to publish to the other nodes. */
  clientUpdate(docName: string, update: Uint8Array): void;
  /** An awareness change made on this node: to publish to the other nodes. */
  localAwareness(docName: string, update: Uint8Array): void;
}

/**
 * One document in memory: its Y.Doc, the awareness of the people in it, and the connections of this
 * node, to which every change is broadcast. Only created once the stored state loaded successfully.
 */
export class SharedDoc {
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<CollabPeer>();
  /** An upper bound of the encoded size, recomputed exactly only near the limit. */
  estimatedBytes: number;
  destroyed = false;
  /**
   * Sync step 2 for a client that has nothing yet (every new tab), encoded once per version of the
   * document: clients joining together share one encoding of the whole document instead of one each.
   * Dropped at the next change.
   */
  private fullStateFrame: Uint8Array | null = null;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly sink: SharedDocSink,
  ) {
    // The first joiner needs the whole document anyway: encode it once for both.
    this.fullStateFrame = encodeSyncStep2(doc, EMPTY_STATE_VECTOR);
    this.estimatedBytes = this.fullStateFrame.byteLength;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it has no caret.
    this.awareness.setLocalState(null);
    doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.estimatedBytes += update.byteLength;
    this.fullStateFrame = null;
    const frame = encodeUpdateMessage(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(frame);
    if (this.isPeer(origin)) this.sink.clientUpdate(this.name, update);
  };

  private readonly onAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // The sender gets its own state back too: the provider reconnects after 30 s without any message.
    const frame = encodeAwarenessMessage(update);
    for (const peer of this.peers) peer.send(frame);
    if (origin !== FANOUT_ORIGIN) this.sink.localAwareness(this.name, update);
  };

  private isPeer(origin: unknown): origin is CollabPeer {
    return typeof origin === 'object' && origin !== null && this.peers.has(origin as CollabPeer);
  }

  /** Sync step 2 answering a client's sync step 1: what it lacks given its state vector. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) return encodeSyncStep2(this.doc, stateVector);
    this.fullStateFrame ??= encodeSyncStep2(this.doc, EMPTY_STATE_VECTOR);
    return this.fullStateFrame;
  }

  /**
   * Applies an update from a local client. Whatever part of it Yjs cannot integrate yet (it depends on
   * changes this node never received) is dropped rather than kept pending, where it would escape the
   * size limit, be merged again at every update and go to every joining tab: the pending set is put
   * back as it was. Returns the size of what was dropped (0: the update integrated completely).
   * Pending data from other nodes is kept: the fan-out resolves it with the next sync answer.
   */
  applyClientUpdate(update: Uint8Array, peer: CollabPeer): number {
    const store = this.doc.store;
    const structs = store.pendingStructs;
    // Yjs merges into the pending set in place: keep a copy of what it held.
    const before = {
      structs: structs && { missing: new Map(structs.missing), update: structs.update },
      ds: store.pendingDs,
    };
    const pendingBefore = pendingBytes(store);
    Y.applyUpdate(this.doc, update, peer);
    const dropped = pendingBytes(store) - pendingBefore;
    if (dropped <= 0) return 0;
    store.pendingStructs = before.structs;
    store.pendingDs = before.ds;
    return dropped;
  }

  /** Exact encoded size of the document (costly: called only when the estimate nears the limit). */
  measure(): number {
    this.estimatedBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    return this.estimatedBytes;
  }

  /** Removes a connection and the carets it announced. */
  removePeer(peer: CollabPeer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessIds.size > 0 && !this.destroyed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], 'disconnect');
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.fullStateFrame = null;
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
