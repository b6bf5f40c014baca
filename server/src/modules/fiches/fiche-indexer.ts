import { documentPlainText } from '@affluents/editor/template';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FicheDocuments } from './fiche-documents.port';
import { refreshDraftVector, updateDraftText } from './fiche-search-rows';

/**
 * Keeps the draft search vector of a fiche in step with its document text and metadata. The text is
 * extracted on the server from the stored document, so search never trusts a client's copy.
 */
@Injectable()
export class FicheIndexer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: FicheDocuments,
  ) {}

  /** Re-extracts the document text of the fiche owning `docName` and refreshes its draft vector. */
  async refreshDocument(docName: string): Promise<void> {
    // Runs every few seconds while a fiche is edited: read in place, without copying the document.
    const text = await this.documents.inspect(docName, documentPlainText);
    await updateDraftText(this.dataSource.manager, docName, text);
  }

  /** Refreshes the draft vector after a metadata change (title, tags), keeping the stored text. */
  async refreshMetadata(manager: EntityManager, ficheId: string): Promise<void> {
    await refreshDraftVector(manager, ficheId);
  }
}
