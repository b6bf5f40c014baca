import { DataSource } from 'typeorm';
import { describeWith } from '../../../../test/support/requires';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { migrations } from './index';

/** A data source that knows the migrations up to (and with) `count` of them. */
function dataSource(url: string, count: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: migrations.slice(0, count),
    migrationsTableName: 'schema_migrations',
  });
}

async function namesLike(db: DataSource, pattern: string): Promise<string[]> {
  const rows: Array<{ name: string }> = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE $1
     UNION SELECT conname FROM pg_constraint WHERE conname LIKE $1
     UNION SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE $1
     UNION SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name LIKE $1
     ORDER BY 1`,
    [pattern],
  );
  return rows.map((r) => r.name);
}

describeWith(['DATABASE_URL'], 'the meetings rename migration')('the meetings rename migration', () => {
  // The rename and every migration before it: later migrations are not this spec's subject.
  const last = migrations.findIndex((m) => m.name === 'MeetingsRenamed1764500000000') + 1;
  let database: TestDatabase;
  let db: DataSource;
  let meetingId: string;
  let threadId: string;

  beforeAll(async () => {
    expect(last).toBeGreaterThan(0);
    database = await createTestDatabase();
    const before = dataSource(database.url as string, last - 1);
    await before.initialize();
    await before.runMigrations();
    // A meeting as the earlier schema stored it, with every stored name the rename changes.
    const [{ id: userId }] = await before.query(
      `INSERT INTO users (email, display_name, password_hash) VALUES ('a@x.test', 'A', 'x') RETURNING id`,
    );
    const [{ id: bassinId }] = await before.query(
      `INSERT INTO bassins (name, slug) VALUES ('B', 'b') RETURNING id`,
    );
    const [{ id: groupId }] = await before.query(
      `INSERT INTO groups (bassin_id, kind) VALUES ($1, 'social_workers') RETURNING id`,
      [bassinId],
    );
    [{ id: threadId }] = await before.query(
      `INSERT INTO threads (group_id, kind, title, author_id, subject_type) VALUES ($1, 'discussion', 'R', $2, 'session')
       RETURNING id`,
      [groupId, userId],
    );
    [{ id: meetingId }] = await before.query(
      `INSERT INTO sessions (group_id, title, agenda_doc_name, notes_doc_name, created_by_id, thread_id)
       VALUES ($1, 'R', 'x', 'y', $2, $3) RETURNING id`,
      [groupId, userId, threadId],
    );
    await before.query(
      `UPDATE sessions SET agenda_doc_name = 'session-agenda:' || id, notes_doc_name = 'session-notes:' || id`,
    );
    await before.query(
      `INSERT INTO collab_documents (name) VALUES ('session-agenda:' || $1::text), ('fiche:' || $1::text)`,
      [meetingId],
    );
    await before.query(
      `INSERT INTO collab_updates (doc_name, update) VALUES ('session-agenda:' || $1::text, '\\x01'), ('fiche:' || $1::text, '\\x02')`,
      [meetingId],
    );
    await before.query(
      `INSERT INTO session_guests (session_id, user_id, invited_by_id) VALUES ($1, $2, $2)`,
      [meetingId, userId],
    );
    await before.query(`INSERT INTO session_minutes (session_id, facts) VALUES ($1, $2)`, [
      meetingId,
      JSON.stringify({ decisions: [{ id: 'd', sessionId: meetingId, text: 'Oui' }] }),
    ]);
    await before.query(
      `INSERT INTO mail_outbox (to_address, template, subject, text_body, html_body)
       VALUES ('a@x.test', 'session_invitation', 'S', 't', 'h'), ('a@x.test', 'password_reset', 'S', 't', 'h')`,
    );
    await before.destroy();
    db = dataSource(database.url as string, last);
    await db.initialize();
    await db.runMigrations();
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('renames tables, columns, constraints and indexes, and keeps every row and the sign-in sessions', async () => {
    expect(await namesLike(db, '%session%')).toEqual(
      expect.arrayContaining(['auth_sessions', 'auth_sessions_pkey', 'auth_sessions_user']),
    );
    expect((await namesLike(db, '%session%')).filter((n) => !n.startsWith('auth_sessions'))).toEqual([]);
    expect(await namesLike(db, 'meeting%')).toEqual(
      expect.arrayContaining(['meetings', 'meetings_pkey', 'meetings_group_start', 'meeting_guests_user']),
    );
    const [meeting] = await db.query('SELECT id, agenda_doc_name, notes_doc_name, thread_id FROM meetings');
    expect(meeting).toEqual({
      id: meetingId,
      agenda_doc_name: `meeting-agenda:${meetingId}`,
      notes_doc_name: `meeting-notes:${meetingId}`,
      thread_id: threadId,
    });
    expect(await db.query('SELECT meeting_id FROM meeting_guests')).toEqual([{ meeting_id: meetingId }]);
    expect(await db.query('SELECT subject_type FROM threads')).toEqual([{ subject_type: 'meeting' }]);
    await expect(db.query(`UPDATE threads SET subject_type = 'session'`)).rejects.toThrow(/subject_type/);
  });

  it('moves the agenda document with its updates, rewrites frozen facts and queued mail names', async () => {
    expect(await db.query('SELECT name FROM collab_documents ORDER BY name')).toEqual([
      { name: `fiche:${meetingId}` },
      { name: `meeting-agenda:${meetingId}` },
    ]);
    expect(await db.query('SELECT doc_name FROM collab_updates ORDER BY doc_name')).toEqual([
      { doc_name: `fiche:${meetingId}` },
      { doc_name: `meeting-agenda:${meetingId}` },
    ]);
    const [{ facts }] = await db.query('SELECT facts FROM meeting_minutes');
    expect(facts).toEqual({ decisions: [{ id: 'd', meetingId, text: 'Oui' }] });
    expect(await db.query('SELECT template FROM mail_outbox ORDER BY template')).toEqual([
      { template: 'meeting_invitation' },
      { template: 'password_reset' },
    ]);
  });

  it('reverts to the earlier names', async () => {
    await db.undoLastMigration();
    try {
      expect(await db.query('SELECT session_id FROM session_guests')).toEqual([{ session_id: meetingId }]);
      expect(await db.query('SELECT agenda_doc_name FROM sessions')).toEqual([
        { agenda_doc_name: `session-agenda:${meetingId}` },
      ]);
      expect(await db.query('SELECT subject_type FROM threads')).toEqual([{ subject_type: 'session' }]);
      expect(await namesLike(db, 'meeting%')).toEqual([]);
    } finally {
      await db.runMigrations();
    }
  });
});
