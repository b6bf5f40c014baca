import type { EntityManager } from 'typeorm';
import type * as Y from 'yjs';

/**
 * What the fiches feature needs from the shared-document storage: create a document inside the
 * fiche's transaction, and read its current state. Bound to the collab persistence in FichesModule,
 * so fiches never reach into collab internals.
 */
export abstract class FicheDocuments {
  /** Stores a new document with its first content, in the caller's transaction. */
  abstract create(manager: EntityManager, docName: string, initialUpdate: Uint8Array): Promise<void>;
  /** The document's current state (live in memory if open, else from storage). Caller destroys it. */
  abstract read(docName: string): Promise<Y.Doc>;
  /**
   * Reads the document's current state without copying it when this node holds it open: `read` runs at
   * once and must neither change the doc nor keep it. For frequent readers (indexing, mentions).
   */
  abstract inspect<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** Applies a server-side change to the live document, reaching connected editors like any edit. */
  abstract change(docName: string, apply: (doc: Y.Doc) => void): Promise<void>;
}
