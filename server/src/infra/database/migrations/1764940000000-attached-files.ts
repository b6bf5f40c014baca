import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a file is attached to (docs/FILES.md, "Attached to"): a fiche's text as before, a message of a
 * thread, a fiche's comment or reply, or a meeting's agenda or minutes. One store, one table (`files`,
 * owned by the files module); access follows the thing it is attached to.
 *
 * - `files.attached_to` says which, with the id of the place it was uploaded into: `fiche_id` for a fiche
 *   and for its comments, `thread_id` for a message (the message is written after the upload), `meeting_id`
 *   (and `meeting_section`, agenda or minutes) for a meeting.
 * - A message, a comment and a reply list their files (`files`, the facts shown: id, name, type, size),
 *   written by their owners when they are posted; the files module asks them who holds a file.
 * - `files.held_since`: when the sweep first found a message's or comment's file carried by one; a file
 *   never sent (uploaded, then the draft abandoned) is deleted once FILE_UNUSED_GRACE_HOURS old.
 * - `file_cards`, a published view of the files module: what the owners check when a post names files.
 */
export const attachedFileViews = {
  file_cards: {
    owner: 'modules/files',
    sql: `SELECT id, attached_to, fiche_id, thread_id, meeting_id, meeting_section, name, media_type, kind,
                 byte_size, width, height, created_by_id, created_at
            FROM files`,
  },
};

export class AttachedFiles1764940000000 implements MigrationInterface {
  name = 'AttachedFiles1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE files
        ADD COLUMN attached_to text NOT NULL DEFAULT 'fiche'
          CHECK (attached_to IN ('fiche', 'message', 'comment', 'meeting')),
        ADD COLUMN thread_id uuid REFERENCES threads(id) ON DELETE CASCADE,
        ADD COLUMN meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE,
        ADD COLUMN meeting_section text CHECK (meeting_section IN ('agenda', 'minutes')),
        ADD COLUMN held_since timestamptz`);
    await q.query(`
      ALTER TABLE files ADD CONSTRAINT files_attached_to_place CHECK (
        CASE attached_to
          WHEN 'fiche' THEN fiche_id IS NOT NULL AND thread_id IS NULL AND meeting_id IS NULL
          WHEN 'comment' THEN fiche_id IS NOT NULL AND thread_id IS NULL AND meeting_id IS NULL
          WHEN 'message' THEN thread_id IS NOT NULL AND fiche_id IS NULL AND meeting_id IS NULL
          ELSE meeting_id IS NOT NULL AND meeting_section IS NOT NULL AND fiche_id IS NULL AND thread_id IS NULL
        END)`);
    await q.query('CREATE INDEX files_thread ON files (thread_id) WHERE thread_id IS NOT NULL');
    // The sweep of unsent uploads reads those not found held yet, oldest first.
    await q.query(
      `CREATE INDEX files_unsent ON files (created_at) WHERE attached_to IN ('message', 'comment') AND held_since IS NULL`,
    );
    await q.query(
      'CREATE INDEX files_meeting ON files (meeting_id, created_at) WHERE meeting_id IS NOT NULL',
    );
    for (const table of ['messages', 'fiche_comments', 'fiche_comment_replies']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN files jsonb NOT NULL DEFAULT '[]'`);
      // "Who holds this file?" (access to a file follows its message or comment): `files @> [{"id": …}]`.
      await q.query(`CREATE INDEX ${table}_files ON ${table} USING gin (files jsonb_path_ops)`);
    }
    for (const [name, view] of Object.entries(attachedFileViews)) {
      await q.query(`CREATE VIEW ${name} AS ${view.sql}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(attachedFileViews)) await q.query(`DROP VIEW IF EXISTS ${name}`);
    for (const table of ['messages', 'fiche_comments', 'fiche_comment_replies']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS files`);
    }
    await q.query("DELETE FROM files WHERE attached_to <> 'fiche'");
    await q.query(`
      ALTER TABLE files DROP CONSTRAINT IF EXISTS files_attached_to_place,
        DROP COLUMN attached_to, DROP COLUMN thread_id, DROP COLUMN meeting_id, DROP COLUMN meeting_section,
        DROP COLUMN held_since`);
  }
}
