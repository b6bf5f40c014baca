import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions (rencontres) of a group: planning and rotation of hosts, invitations and answers, guests,
 * calendar feeds, reminders, live mode (current item, raised hands, speaker), attendance, decisions,
 * follow-up actions and minutes with their review.
 */
export class Sessions1764200000000 implements MigrationInterface {
  name = 'Sessions1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id),
        title text NOT NULL,
        kind text NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'thematic')),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'done', 'cancelled')),
        starts_at timestamptz,
        ends_at timestamptz,
        place_type text NOT NULL DEFAULT 'host' CHECK (place_type IN ('host', 'address', 'online')),
        place_address text,
        place_url text,
        host_organisation_id uuid REFERENCES organisations(id),
        thread_id uuid REFERENCES threads(id),
        date_poll_id uuid REFERENCES polls(id) ON DELETE SET NULL,
        agenda_doc_name text NOT NULL UNIQUE,
        notes_doc_name text NOT NULL UNIQUE,
        -- Bumped at every change calendars must see (iCalendar SEQUENCE).
        ical_sequence int NOT NULL DEFAULT 0,
        live_started_at timestamptz,
        live_current_item int,
        live_item_started_at timestamptz,
        live_speaker_id uuid REFERENCES users(id),
        ended_at timestamptz,
        created_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
      )`);
    await q.query('CREATE INDEX sessions_group_start ON sessions (group_id, starts_at)');
    await q.query(`
      CREATE TABLE session_guests (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        organisation text,
        invited_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query('CREATE INDEX session_guests_user ON session_guests (user_id)');
    await q.query(`
      CREATE TABLE session_rsvps (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        answer text NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE session_attendance (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        state text NOT NULL CHECK (state IN ('present', 'excused', 'absent')),
        recorded_by_id uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE session_hands (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        raised_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE session_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        text text NOT NULL,
        created_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE follow_up_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES groups(id),
        title text NOT NULL,
        owner_id uuid REFERENCES users(id),
        due_on date,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        done_at timestamptz,
        created_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX follow_up_actions_group ON follow_up_actions (group_id, status)');
    await q.query('CREATE INDEX follow_up_actions_owner ON follow_up_actions (owner_id, status)');
    await q.query(`
      CREATE TABLE host_declines (
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        session_id uuid REFERENCES sessions(id) ON DELETE CASCADE,
        declined_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX host_declines_group ON host_declines (group_id, organisation_id)');
    await q.query(`
      CREATE TABLE session_reminders (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('week', 'day')),
        -- The start the reminder was for: a moved session is reminded again for its new date.
        starts_at timestamptz NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, kind, starts_at)
      )`);
    await q.query(`
      CREATE TABLE calendar_feed_tokens (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE session_minutes (
        session_id uuid PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published')),
        review_ends_at timestamptz,
        published_at timestamptz,
        published_by_id uuid REFERENCES users(id),
        -- The frozen notes document (Yjs update) once published.
        snapshot bytea,
        visible_to_guests boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE TABLE minutes_amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        quote text NOT NULL DEFAULT '',
        body text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
        decided_by_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX minutes_amendments_session ON minutes_amendments (session_id, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'minutes_amendments',
      'session_minutes',
      'calendar_feed_tokens',
      'session_reminders',
      'host_declines',
      'follow_up_actions',
      'session_decisions',
      'session_hands',
      'session_attendance',
      'session_rsvps',
      'session_guests',
      'sessions',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
