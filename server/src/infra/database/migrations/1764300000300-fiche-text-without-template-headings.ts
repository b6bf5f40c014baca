import { documentPlainText } from '@affluents/editor/template';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import * as Y from 'yjs';

// The weighted search vector as modules/fiches/fiche-indexer.ts built it when this migration was
// written, copied so that the migration stays what it was when the indexer changes (and infra does not
// import a feature module).
const searchVectorSql = (title: string, tags: string, body: string) =>
  `setweight(to_tsvector('affluents_fr', ${title}), 'A') ||
   setweight(to_tsvector('affluents_fr', ${tags}), 'B') ||
   setweight(to_tsvector('affluents_fr', ${body}), 'C')`;

const TAGS = "array_to_string(f.sectors || f.publics || f.themes, ' ')";

/** The search text of a document given as its stored updates, in order. */
function textOf(updates: Buffer[]): string {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    return documentPlainText(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The search text of fiches no longer holds the template's headings (issue 12): re-extracts it once
 * from the stored documents, for every draft and every version, so existing fiches stop matching
 * "public" or "objectifs" without waiting for their next edit or publication. One fiche or version
 * at a time, so memory stays the size of one document.
 */
export class FicheTextWithoutTemplateHeadings1764300000300 implements MigrationInterface {
  name = 'FicheTextWithoutTemplateHeadings1764300000300';

  async up(q: QueryRunner): Promise<void> {
    const fiches: Array<{ id: string; docName: string }> = await q.query(
      'SELECT id, doc_name AS "docName" FROM fiches ORDER BY id',
    );
    for (const { id, docName } of fiches) {
      const [head] = await q.query('SELECT snapshot FROM collab_documents WHERE name = $1', [docName]);
      const updates: Array<{ update: Buffer }> = await q.query(
        'SELECT update FROM collab_updates WHERE doc_name = $1 ORDER BY id',
        [docName],
      );
      const text = textOf([...(head?.snapshot ? [head.snapshot] : []), ...updates.map((u) => u.update)]);
      await q.query(
        `UPDATE fiches f SET draft_text = $2, draft_vector = ${searchVectorSql('f.title', TAGS, '$2')} WHERE f.id = $1`,
        [id, text],
      );
    }
    const versions: Array<{ id: string }> = await q.query('SELECT id FROM fiche_versions ORDER BY id');
    for (const { id } of versions) {
      const [{ snapshot }] = await q.query('SELECT snapshot FROM fiche_versions WHERE id = $1', [id]);
      await q.query('UPDATE fiche_versions SET plain_text = $2 WHERE id = $1', [id, textOf([snapshot])]);
    }
    await q.query(
      `UPDATE fiches f SET published_vector = ${searchVectorSql('f.title', TAGS, 'pv.plain_text')}
         FROM fiche_versions pv WHERE pv.id = f.published_version_id`,
    );
  }

  async down(): Promise<void> {
    // The older text (headings included) is not worth restoring: older code re-indexes at the next edit.
  }
}
