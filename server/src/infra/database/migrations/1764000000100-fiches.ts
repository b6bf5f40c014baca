import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Fiches actions: metadata beside their shared document (stored by the collab persistence). */
export class Fiches1764000000100 implements MigrationInterface {
  name = 'Fiches1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fiches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        group_id uuid NOT NULL REFERENCES groups(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published', 'archived')),
        reach text CHECK (reach IN ('group', 'bassin', 'network')),
        sectors text[] NOT NULL DEFAULT '{}',
        publics text[] NOT NULL DEFAULT '{}',
        themes text[] NOT NULL DEFAULT '{}',
        year int,
        doc_name text NOT NULL UNIQUE,
        created_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX fiches_group ON fiches (group_id)`);
    await q.query(`
      CREATE TABLE fiche_organisations (
        fiche_id uuid NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (fiche_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE fiche_authors (
        fiche_id uuid NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        first_contribution_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiche_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS fiche_authors');
    await q.query('DROP TABLE IF EXISTS fiche_organisations');
    await q.query('DROP TABLE IF EXISTS fiches');
  }
}
