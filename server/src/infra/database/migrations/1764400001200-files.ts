import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files of fiches (docs/FILES.md). `file_contents` and `file_chunks` are the PostgreSQL file store: the
 * bytes of one stored content in ~256 KiB rows, written as they arrive and read back one row at a time.
 * `files` describes what people uploaded and points at its contents by store key (the original, and the
 * screen version of an image), so another store can hold the bytes without changing this table.
 */
export class Files1764400001200 implements MigrationInterface {
  name = 'Files1764400001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE file_contents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        byte_size bigint NOT NULL DEFAULT 0,
        chunk_count int NOT NULL DEFAULT 0,
        complete boolean NOT NULL DEFAULT false,
        kept boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The orphan sweep looks for contents no file has claimed yet, oldest first.
    await q.query('CREATE INDEX file_contents_unkept ON file_contents (created_at) WHERE NOT kept');
    await q.query(`
      CREATE TABLE file_chunks (
        content_id uuid NOT NULL REFERENCES file_contents(id) ON DELETE CASCADE,
        seq int NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (content_id, seq)
      )`);
    // Uploaded files are mostly compressed already (JPEG, PDF, Office zips): stored out of line as they
    // are, PostgreSQL does not spend time trying to compress each chunk again.
    await q.query('ALTER TABLE file_chunks ALTER COLUMN data SET STORAGE EXTERNAL');
    await q.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiche_id uuid REFERENCES fiches(id) ON DELETE CASCADE,
        name text NOT NULL,
        media_type text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('image', 'document')),
        byte_size bigint NOT NULL,
        sha256 text NOT NULL,
        width int,
        height int,
        content_key text NOT NULL,
        display_key text,
        display_media_type text,
        display_byte_size bigint,
        display_sha256 text,
        display_width int,
        display_height int,
        created_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'image') = (display_key IS NOT NULL))
      )`);
    await q.query('CREATE INDEX files_fiche ON files (fiche_id, created_at)');
    // The orphan sweep asks whether a file points at an unclaimed content.
    await q.query('CREATE INDEX files_content_key ON files (content_key)');
    await q.query('CREATE INDEX files_display_key ON files (display_key) WHERE display_key IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS files');
    await q.query('DROP TABLE IF EXISTS file_chunks');
    await q.query('DROP TABLE IF EXISTS file_contents');
  }
}
