import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the unused-files sweep first found a file that no text of its fiche refers to (neither the live
 * text nor a version); NULL while one does. Such a file still counts and is kept for FILE_UNUSED_GRACE_HOURS
 * from then, so that an undo brings it back (docs/FILES.md, "Files no longer used").
 */
export class FilesUnusedSince1764400001300 implements MigrationInterface {
  name = 'FilesUnusedSince1764400001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE files ADD COLUMN unused_since timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE files DROP COLUMN IF EXISTS unused_since');
  }
}
