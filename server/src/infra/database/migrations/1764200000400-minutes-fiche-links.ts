import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fiches that published minutes link to (`/fiches/<id>` in the notes), recorded at publication so a
 * fiche can list the minutes that mention it without reading every frozen snapshot.
 */
export class MinutesFicheLinks1764200000400 implements MigrationInterface {
  name = 'MinutesFicheLinks1764200000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE minutes_fiche_links (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        fiche_id uuid NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, fiche_id)
      )`);
    await q.query('CREATE INDEX minutes_fiche_links_fiche ON minutes_fiche_links (fiche_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS minutes_fiche_links');
  }
}
