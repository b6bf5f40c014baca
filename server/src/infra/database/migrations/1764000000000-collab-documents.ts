import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored state of the collaborative documents (server/src/collab/persistence): one row per document with
 * its latest snapshot, and the updates written since that snapshot, compacted into the next one.
 */
export class CollabDocuments1764000000000 implements MigrationInterface {
  name = 'CollabDocuments1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collab_documents (
        name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 200),
        snapshot bytea,
        updates_since_snapshot integer NOT NULL DEFAULT 0,
        byte_size integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        compacted_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE collab_updates (
        id bigserial PRIMARY KEY,
        doc_name text NOT NULL REFERENCES collab_documents(name) ON DELETE CASCADE,
        update bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX collab_updates_doc ON collab_updates (doc_name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS collab_updates`);
    await q.query(`DROP TABLE IF EXISTS collab_documents`);
  }
}
