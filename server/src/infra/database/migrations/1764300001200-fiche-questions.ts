import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions of readers on a published fiche (issue 12): threads of kind `question` about the fiche, any
 * number per fiche. The one-thread-per-subject rule stays for the threads opened automatically for an
 * object (the fiche's own discussion, a session's thread), which are of kind `discussion`.
 */
export class FicheQuestions1764300001200 implements MigrationInterface {
  name = 'FicheQuestions1764300001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE threads DROP CONSTRAINT threads_subject_type_subject_id_key');
    await q.query(
      `CREATE UNIQUE INDEX threads_one_per_subject ON threads (subject_type, subject_id) WHERE kind <> 'question'`,
    );
    await q.query(
      `CREATE INDEX threads_questions_about ON threads (subject_type, subject_id, created_at DESC) WHERE kind = 'question'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX threads_questions_about');
    await q.query('DROP INDEX threads_one_per_subject');
    await q.query(`DELETE FROM threads WHERE kind = 'question' AND subject_type IS NOT NULL`);
    await q.query(
      'ALTER TABLE threads ADD CONSTRAINT threads_subject_type_subject_id_key UNIQUE (subject_type, subject_id)',
    );
  }
}
