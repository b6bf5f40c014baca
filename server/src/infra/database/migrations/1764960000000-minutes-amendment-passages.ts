import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An amendment is a remark (as every amendment was until now) or the replacement of a passage of the
 * notes, anchored by two Yjs relative positions (base64) and applied by the server when accepted.
 */
export class MinutesAmendmentPassages1764960000000 implements MigrationInterface {
  name = 'MinutesAmendmentPassages1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE minutes_amendments
        ADD COLUMN kind text NOT NULL DEFAULT 'remark' CHECK (kind IN ('remark', 'replace')),
        ADD COLUMN anchor_start text,
        ADD COLUMN anchor_end text,
        ADD CONSTRAINT minutes_amendments_passage CHECK (
          (kind = 'remark' AND anchor_start IS NULL AND anchor_end IS NULL)
          OR (kind = 'replace' AND anchor_start IS NOT NULL AND anchor_end IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE minutes_amendments
        DROP CONSTRAINT IF EXISTS minutes_amendments_passage,
        DROP COLUMN IF EXISTS anchor_end,
        DROP COLUMN IF EXISTS anchor_start,
        DROP COLUMN IF EXISTS kind`);
  }
}
