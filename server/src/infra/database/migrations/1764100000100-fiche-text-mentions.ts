import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members already mentioned in the text of each fiche, so that a mention notifies once: a later store of
 * the document, or a mention removed and written again, does not notify a second time.
 */
export class FicheTextMentions1764100000100 implements MigrationInterface {
  name = 'FicheTextMentions1764100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fiche_text_mentions (
        fiche_id uuid NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiche_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE fiche_text_mentions');
  }
}
