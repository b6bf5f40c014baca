import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DocRegistry } from './doc-registry';
import { CollabStore } from './persistence/collab-store';
import type { CollabPeer } from './shared-doc';

/** What feature modules (fiches) may do with documents outside a websocket. */
@Injectable()
export class CollabDocuments {
  constructor(
    private readonly store: CollabStore,
    private readonly registry: DocRegistry,
  ) {}

  /**
   * Creates a document with its initial state (e.g. the fiche template) inside the caller's
   * transaction, so the template is written once, by the server, and never re-seeded by a client.
   */
  createDocument(manager: EntityManager, name: string, initialUpdate: Uint8Array): Promise<void> {
    return this.store.create(manager, name, initialUpdate);
  }

  /**
   * Changes a document on the server (e.g. restoring a version) as if a client had: the change is
   * broadcast to the open connections, stored and fanned out to the other nodes like any edit.
   */
  async change(name: string, apply: (doc: Y.Doc) => void): Promise<void> {
    const serverPeer: CollabPeer = { send: () => undefined, awarenessIds: new Set() };
    const shared = await this.registry.acquire(name, serverPeer);
    try {
      shared.doc.transact(() => apply(shared.doc), serverPeer);
    } finally {
      this.registry.release(name, serverPeer);
    }
  }

  /**
   * The current state of a document, as a new Y.Doc the caller owns (and destroys): from memory when
   * this node holds it, otherwise from storage. Throws if the stored state cannot be read.
   */
  async readDocument(name: string): Promise<Y.Doc> {
    const copy = new Y.Doc();
    const loaded = this.registry.loaded(name);
    if (loaded) {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(loaded.doc));
      return copy;
    }
    return this.readStored(name, copy);
  }

  /**
   * Runs `read` on the current state of a document: the live Y.Doc itself when this node holds it (no
   * copy: a copy of a large fiche costs an encode and a decode on the event loop), else a copy read from
   * storage. `read` must be synchronous, must not change the doc and must not keep it.
   */
  async inspect<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const loaded = this.registry.loaded(name);
    if (loaded) return read(loaded.doc);
    const copy = await this.readStored(name, new Y.Doc());
    try {
      return read(copy);
    } finally {
      copy.destroy();
    }
  }

  private async readStored(name: string, copy: Y.Doc): Promise<Y.Doc> {
    try {
      const stored = await this.store.load(name);
      if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(copy, update);
      return copy;
    } catch (err) {
      copy.destroy();
      throw err;
    }
  }
}
