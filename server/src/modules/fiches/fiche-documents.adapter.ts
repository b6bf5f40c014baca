import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type * as Y from 'yjs';
import { CollabDocuments } from '../../collab/collab-documents';
import { FicheDocuments } from './fiche-documents.port';

/** FicheDocuments backed by the realtime document storage. */
@Injectable()
export class CollabFicheDocuments extends FicheDocuments {
  constructor(private readonly collab: CollabDocuments) {
    super();
  }

  create(manager: EntityManager, docName: string, initialUpdate: Uint8Array): Promise<void> {
    return this.collab.createDocument(manager, docName, initialUpdate);
  }

  read(docName: string): Promise<Y.Doc> {
    return this.collab.readDocument(docName);
  }

  inspect<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.collab.inspect(docName, read);
  }

  change(docName: string, apply: (doc: Y.Doc) => void): Promise<void> {
    return this.collab.change(docName, apply);
  }
}
