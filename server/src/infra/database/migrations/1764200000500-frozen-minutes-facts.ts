import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published minutes freeze their facts too (attendance, decisions, follow-up actions as they were at
 * publication), not only the notes: an action marked done later must not rewrite the minutes.
 */
export class FrozenMinutesFacts1764200000500 implements MigrationInterface {
  name = 'FrozenMinutesFacts1764200000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE session_minutes ADD COLUMN facts jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE session_minutes DROP COLUMN IF EXISTS facts');
  }
}
