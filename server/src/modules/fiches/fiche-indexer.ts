import { documentPlainText } from '@affluents/editor/template';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FicheDocuments } from './fiche-documents.port';
import { SEARCH_CONFIG } from './fiche-search.service';

/** SQL of a weighted search vector: title first, then tags, then the body text. */
export const searchVectorSql = (title: string, tags: string, body: string) =>
  `setweight(to_tsvector('${SEARCH_CONFIG}', ${title}), 'A') ||
   setweight(to_tsvector('${SEARCH_CONFIG}', ${tags}), 'B') ||
   setweight(to_tsvector('${SEARCH_CONFIG}', ${body}), 'C')`;

const TAGS = "array_to_string(sectors || publics || themes, ' ')";

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
    await this.dataSource.query(
      `UPDATE fiches SET draft_text = $2, draft_vector = ${searchVectorSql('title', TAGS, '$2')} WHERE doc_name = $1`,
      [docName, text],
    );
  }

  /** Refreshes the draft vector after a metadata change (title, tags), keeping the stored text. */
  async refreshMetadata(manager: EntityManager, ficheId: string): Promise<void> {
    await manager.query(
      `UPDATE fiches SET draft_vector = ${searchVectorSql('title', TAGS, 'draft_text')} WHERE id = $1`,
      [ficheId],
    );
  }
}
