import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Named versions of fiches (frozen snapshots, one per publication or on demand) and the French
 * full-text search of the toolbox: a text search configuration that folds accents before stemming
 * (plain `french` does not match "equipe" to "équipe"), and one weighted vector for the live draft and
 * one for the published version, refreshed by the application when text or metadata change.
 */
export class FicheVersionsAndSearch1764000000200 implements MigrationInterface {
  name = 'FicheVersionsAndSearch1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await q.query('CREATE TEXT SEARCH CONFIGURATION affluents_fr (COPY = french)');
    await q.query(
      'ALTER TEXT SEARCH CONFIGURATION affluents_fr ALTER MAPPING FOR word, hword, hword_part WITH unaccent, french_stem',
    );
    await q.query(`
      CREATE TABLE fiche_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiche_id uuid NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
        number int NOT NULL,
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('publication', 'manual')),
        reach text CHECK (reach IN ('group', 'bassin', 'network')),
        title text NOT NULL,
        snapshot bytea NOT NULL,
        plain_text text NOT NULL,
        created_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (fiche_id, number)
      )`);
    await q.query(`
      ALTER TABLE fiches
        ADD COLUMN draft_text text NOT NULL DEFAULT '',
        ADD COLUMN draft_vector tsvector,
        ADD COLUMN published_version_id uuid REFERENCES fiche_versions(id),
        ADD COLUMN published_at timestamptz,
        ADD COLUMN published_vector tsvector`);
    await q.query('CREATE INDEX fiches_draft_vector ON fiches USING gin (draft_vector)');
    await q.query('CREATE INDEX fiches_published_vector ON fiches USING gin (published_vector)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE fiches DROP COLUMN published_vector, DROP COLUMN published_at,
        DROP COLUMN published_version_id, DROP COLUMN draft_vector, DROP COLUMN draft_text`);
    await q.query('DROP TABLE IF EXISTS fiche_versions');
    await q.query('DROP TEXT SEARCH CONFIGURATION IF EXISTS affluents_fr');
  }
}
