import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The meeting tables as they were first named (migration 1764200000000), and their names now. */
const TABLES: Array<[string, string]> = [
  ['sessions', 'meetings'],
  ['session_guests', 'meeting_guests'],
  ['session_rsvps', 'meeting_rsvps'],
  ['session_attendance', 'meeting_attendance'],
  ['session_hands', 'meeting_hands'],
  ['session_decisions', 'meeting_decisions'],
  ['session_reminders', 'meeting_reminders'],
  ['session_minutes', 'meeting_minutes'],
];

/** Tables with a column pointing at a meeting, by their names after the rename. */
const MEETING_ID_TABLES = [
  'meeting_guests',
  'meeting_rsvps',
  'meeting_attendance',
  'meeting_hands',
  'meeting_decisions',
  'meeting_reminders',
  'meeting_minutes',
  'follow_up_actions',
  'host_declines',
  'minutes_amendments',
  'minutes_fiche_links',
];

/**
 * A group's meeting (rencontre) is called `meeting` everywhere in the code (docs/GLOSSARY.md); its tables,
 * columns, constraints, indexes and stored names follow, renamed in place: no row is dropped or copied.
 * The sign-in sessions (`auth_sessions`) keep their name. Stored names that change: the thread subject
 * type, the agenda and notes document names (and their updates), the outbox template names and the
 * `meetingId` of frozen minutes facts.
 */
export class MeetingsRenamed1764500000000 implements MigrationInterface {
  name = 'MeetingsRenamed1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await this.rename(q, 'session', 'meeting');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.rename(q, 'meeting', 'session');
  }

  private async rename(q: QueryRunner, from: string, to: string): Promise<void> {
    const forward = from === 'session';
    for (const [before, after] of TABLES) {
      await q.query(`ALTER TABLE ${forward ? before : after} RENAME TO ${forward ? after : before}`);
    }
    for (const table of MEETING_ID_TABLES) {
      const name = forward ? table : table.replace(/^meeting_/, 'session_');
      await q.query(`ALTER TABLE ${name} RENAME COLUMN ${from}_id TO ${to}_id`);
    }
    // Constraints (renaming one renames the index behind a primary or unique key), then the plain indexes.
    const constraints: Array<{ table: string; name: string }> = await q.query(
      `SELECT t.relname AS "table", c.conname AS name
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND c.conname LIKE $1 AND c.conname NOT LIKE 'auth\\_sessions%'`,
      [`%${from}%`],
    );
    for (const c of constraints) {
      await q.query(`ALTER TABLE ${c.table} RENAME CONSTRAINT ${c.name} TO ${c.name.replaceAll(from, to)}`);
    }
    const indexes: Array<{ name: string }> = await q.query(
      `SELECT indexname AS name FROM pg_indexes
        WHERE schemaname = current_schema() AND indexname LIKE $1 AND indexname NOT LIKE 'auth\\_sessions%'`,
      [`%${from}%`],
    );
    for (const i of indexes) await q.query(`ALTER INDEX ${i.name} RENAME TO ${i.name.replaceAll(from, to)}`);

    await q.query('ALTER TABLE threads DROP CONSTRAINT threads_subject_type_check');
    await q.query(`UPDATE threads SET subject_type = $1 WHERE subject_type = $2`, [to, from]);
    await q.query(
      `ALTER TABLE threads ADD CONSTRAINT threads_subject_type_check CHECK (subject_type IN ('fiche', '${to}'))`,
    );
    // The agenda and notes documents: their names, where the meetings point at them, and their updates.
    const meetings = forward ? 'meetings' : 'sessions';
    await q.query('ALTER TABLE collab_updates DROP CONSTRAINT collab_updates_doc_name_fkey');
    for (const kind of ['agenda', 'notes']) {
      const [old, renamed] = [`${from}-${kind}:`, `${to}-${kind}:`];
      await renamePrefix(q, meetings, `${kind}_doc_name`, old, renamed);
      await renamePrefix(q, 'collab_documents', 'name', old, renamed);
      await renamePrefix(q, 'collab_updates', 'doc_name', old, renamed);
    }
    await q.query(
      `ALTER TABLE collab_updates ADD CONSTRAINT collab_updates_doc_name_fkey
         FOREIGN KEY (doc_name) REFERENCES collab_documents(name) ON DELETE CASCADE`,
    );
    await renamePrefix(q, 'mail_outbox', 'template', `${from}_`, `${to}_`);
    await q.query(
      `UPDATE ${forward ? 'meeting_minutes' : 'session_minutes'} SET facts = replace(facts::text, $1, $2)::jsonb
        WHERE facts IS NOT NULL`,
      [`"${from}Id":`, `"${to}Id":`],
    );
  }
}

/** Rewrites the values of `table.column` that start with `from` to start with `to` instead. */
async function renamePrefix(q: QueryRunner, table: string, column: string, from: string, to: string) {
  await q.query(
    `UPDATE ${table} SET ${column} = $2 || substr(${column}, length($1) + 1) WHERE left(${column}, length($1)) = $1`,
    [from, to],
  );
}
