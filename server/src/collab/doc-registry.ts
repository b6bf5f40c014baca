import { Inject, Injectable, Logger } from '@nestjs/common';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CollabFanout, type FanoutHandlers } from './fanout/collab-fanout';
import { CollabStore } from './persistence/collab-store';
import { UpdateWriter } from './persistence/update-writer';
import { type CollabPeer, FANOUT_ORIGIN, SharedDoc, type SharedDocSink, STORAGE_ORIGIN } from './shared-doc';

/** Thrown to a connection whose document cannot be loaded now; it should retry later. */
export class DocumentUnavailableError extends Error {}

// A failed load is retried on the next connection after 1 s, 2 s, ... up to 10 s.
const LOAD_RETRY_STEP_MS = 1000;
const MAX_LOAD_RETRY_MS = 10_000;

interface Loaded {
  state: 'ready';
  shared: SharedDoc;
  fanout: FanoutHandlers;
  unloadTimer: NodeJS.Timeout | null;
  unloading: boolean;
  /** compacted_at of the stored snapshot this document already contains. */
  compactedAt: string | null;
  compacting: Promise<void> | null;
}
type Entry =
  | { state: 'loading'; promise: Promise<Loaded> }
  | Loaded
  | { state: 'failed'; retryAt: number; failures: number };

/**
 * The documents held in memory by this node: one shared Y.Doc per name, loaded from the snapshot and
 * the later updates on first connection, unloaded when idle, flushed on shutdown. A document whose load
 * failed gets no Y.Doc at all, so it can never be saved over its stored state; connections to it are
 * refused (4503) until the retry time, then the load is tried again.
 */
@Injectable()
export class DocRegistry implements SharedDocSink {
  private readonly logger = new Logger('CollabDocuments');
  private readonly entries = new Map<string, Entry>();
  private closing = false;

  constructor(
    private readonly store: CollabStore,
    private readonly writer: UpdateWriter,
    private readonly fanout: CollabFanout,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    writer.onCompactionNeeded((name) => void this.compact(name));
  }

  /** Joins a connection to its document, loading it if needed. Throws DocumentUnavailableError. */
  async acquire(name: string, peer: CollabPeer): Promise<SharedDoc> {
    for (;;) {
      if (this.closing) throw new DocumentUnavailableError('server shutting down');
      const entry = this.entries.get(name);
      if (entry?.state === 'failed' && Date.now() < entry.retryAt) {
        throw new DocumentUnavailableError('document failed to load, retrying later');
      }
      const current = !entry || entry.state === 'failed' ? this.startLoad(name, entry?.failures ?? 0) : entry;
      const loaded = current.state === 'loading' ? await current.promise.catch(() => null) : current;
      if (!loaded) throw new DocumentUnavailableError('document failed to load');
      // It may have been unloaded while this connection waited: look again.
      if (this.entries.get(name) !== loaded || loaded.shared.destroyed) continue;
      loaded.shared.peers.add(peer);
      if (loaded.unloadTimer) {
        clearTimeout(loaded.unloadTimer);
        loaded.unloadTimer = null;
      }
      return loaded.shared;
    }
  }

  /** Detaches a connection; the document unloads after COLLAB_UNLOAD_DELAY_MS without connections. */
  release(name: string, peer: CollabPeer): void {
    const entry = this.entries.get(name);
    if (entry?.state !== 'ready') return;
    entry.shared.removePeer(peer);
    this.scheduleUnload(name, entry);
  }

  /** The loaded document of that name, if this node holds it. */
  loaded(name: string): SharedDoc | null {
    const entry = this.entries.get(name);
    return entry?.state === 'ready' && !entry.shared.destroyed ? entry.shared : null;
  }

  /** Counts for the health endpoint. */
  stats(): { documents: number; connections: number; failedDocuments: number } {
    let documents = 0;
    let connections = 0;
    let failedDocuments = 0;
    for (const entry of this.entries.values()) {
      if (entry.state === 'ready') {
        documents++;
        connections += entry.shared.peers.size;
      } else if (entry.state === 'failed') failedDocuments++;
    }
    return { documents, connections, failedDocuments };
  }

  clientUpdate(docName: string, update: Uint8Array): void {
    this.writer.enqueue(docName, update);
    this.fanout.publishUpdate(docName, update);
  }

  localAwareness(docName: string, update: Uint8Array): void {
    this.fanout.publishAwareness(docName, update);
  }

  /**
   * Shutdown: refuses new loads, writes every pending update, then frees every document. Connections
   * must be closed first, so nothing changes during the flush.
   */
  async close(): Promise<void> {
    this.closing = true;
    const lost = await this.writer.flushAll();
    if (lost > 0) this.logger.error(`${lost} document updates could not be written before shutdown`);
    this.writer.stop();
    for (const [name, entry] of this.entries) {
      if (entry.state === 'ready') this.free(name, entry);
    }
    this.entries.clear();
  }

  private startLoad(name: string, failures: number): { state: 'loading'; promise: Promise<Loaded> } {
    const promise = this.load(name);
    const entry = { state: 'loading' as const, promise };
    this.entries.set(name, entry);
    promise.then(
      (loaded) => {
        if (this.entries.get(name) === entry) this.entries.set(name, loaded);
        this.scheduleUnload(name, loaded);
      },
      (err: unknown) => {
        const retryIn = Math.min(LOAD_RETRY_STEP_MS * (failures + 1), MAX_LOAD_RETRY_MS);
        this.logger.error(
          `${name}: load failed (${err instanceof Error ? err.message : String(err)}); refused, retry in ${retryIn} ms`,
        );
        if (this.entries.get(name) === entry) {
          this.entries.set(name, { state: 'failed', retryAt: Date.now() + retryIn, failures: failures + 1 });
        }
      },
    );
    return entry;
  }

  private async load(name: string): Promise<Loaded> {
    const stored = await this.store.load(name);
    const doc = new Y.Doc();
    try {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, STORAGE_ORIGIN);
      for (const update of stored.updates) Y.applyUpdate(doc, update, STORAGE_ORIGIN);
    } catch (err) {
      doc.destroy();
      throw new Error(`stored state unreadable: ${err instanceof Error ? err.message : String(err)}`);
    }
    const shared = new SharedDoc(name, doc, this);
    const loaded: Loaded = {
      state: 'ready',
      shared,
      fanout: this.fanoutHandlers(shared),
      unloadTimer: null,
      unloading: false,
      compactedAt: stored.compactedAt,
      compacting: null,
    };
    if (this.fanout.enabled) void this.joinOtherNodes(name, shared, loaded.fanout, stored.lastUpdateId);
    else await this.fanout.subscribe(name, loaded.fanout);
    if (stored.updates.length > this.config.collab.compactAfterUpdates) {
      setImmediate(() => void this.compact(name));
    }
    return loaded;
  }

  /**
   * With several nodes: subscribe, ask the nodes already holding the document for what this load
   * missed, then read the updates stored meanwhile (a node that unloaded the document wrote its
   * updates before leaving the channel), so no edit made elsewhere around the load is missed.
   */
  private async joinOtherNodes(
    name: string,
    shared: SharedDoc,
    handlers: FanoutHandlers,
    lastUpdateId: string | null,
  ): Promise<void> {
    try {
      await this.fanout.subscribe(name, handlers);
      if (shared.destroyed) return;
      this.fanout.publishSyncRequest(name, Y.encodeStateVector(shared.doc), true);
      const later = await this.store.updatesAfter(name, lastUpdateId);
      if (shared.destroyed) return;
      for (const update of later.updates) Y.applyUpdate(shared.doc, update, STORAGE_ORIGIN);
    } catch (err) {
      this.logger.warn(
        `${name}: joining the other nodes failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  private fanoutHandlers(shared: SharedDoc): FanoutHandlers {
    return {
      update: (update) => {
        if (!shared.destroyed) Y.applyUpdate(shared.doc, update, FANOUT_ORIGIN);
      },
      awareness: (update) => {
        if (!shared.destroyed)
          awarenessProtocol.applyAwarenessUpdate(shared.awareness, update, FANOUT_ORIGIN);
      },
      syncRequest: (stateVector, wantsReply) => {
        if (shared.destroyed) return;
        // The diff is published as an update; nodes that already have it ignore it (Yjs is idempotent).
        const diff = Y.encodeStateAsUpdate(shared.doc, stateVector);
        this.fanout.publishUpdate(shared.name, diff);
        if (wantsReply) this.fanout.publishSyncRequest(shared.name, Y.encodeStateVector(shared.doc), false);
        const states = [...shared.awareness.getStates().keys()];
        if (states.length > 0) {
          this.fanout.publishAwareness(
            shared.name,
            awarenessProtocol.encodeAwarenessUpdate(shared.awareness, states),
          );
        }
      },
      stateVector: () => Y.encodeStateVector(shared.doc),
    };
  }

  private scheduleUnload(name: string, entry: Loaded): void {
    if (entry.shared.peers.size > 0 || entry.unloadTimer || this.closing) return;
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = null;
      void this.unload(name, entry);
    }, this.config.collab.unloadDelayMs);
  }

  /**
   * Unloads an idle document: writes its pending updates, compacts it, and frees it only if no
   * connection arrived and no write is in flight by then (Hocuspocus #995). If the database is
   * unreachable the document stays loaded and the unload is tried again later.
   */
  private async unload(name: string, entry: Loaded): Promise<void> {
    if (entry.unloading || this.closing) return;
    entry.unloading = true;
    try {
      await this.writer.flush(name);
      if (entry.shared.peers.size === 0) await this.compact(name);
      if (entry.shared.peers.size > 0 || !this.writer.isIdle(name) || entry.compacting || this.closing)
        return;
      this.free(name, entry);
      this.entries.delete(name);
    } catch (err) {
      this.logger.warn(`${name}: unload postponed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      entry.unloading = false;
      if (this.entries.get(name) === entry) this.scheduleUnload(name, entry);
    }
  }

  private free(name: string, entry: Loaded): void {
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    this.fanout.unsubscribe(name, entry.fanout);
    entry.shared.destroy();
  }

  /** Writes a new snapshot of a loaded document and drops the updates it covers; one at a time per document. */
  async compact(name: string): Promise<void> {
    const entry = this.entries.get(name);
    if (entry?.state !== 'ready' || entry.shared.destroyed) return;
    if (entry.compacting) return entry.compacting;
    const shared = entry.shared;
    const started = performance.now();
    entry.compacting = this.store
      .compact(name, shared.doc, entry.compactedAt, (update) =>
        Y.applyUpdate(shared.doc, update, STORAGE_ORIGIN),
      )
      .then((result) => {
        if (!result || result.bytes === null) return;
        entry.compactedAt = result.compactedAt;
        shared.estimatedBytes = result.bytes;
        this.logger.debug(
          `${name}: compacted to ${result.bytes} bytes in ${Math.round(performance.now() - started)} ms`,
        );
      })
      .catch((err: unknown) => {
        this.logger.warn(`${name}: compaction failed: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        entry.compacting = null;
      });
    return entry.compacting;
  }
}
