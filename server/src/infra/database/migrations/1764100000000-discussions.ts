import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussions (threads, messages numbered per thread, reactions, revisions), reading state, follows,
 * access grants for guests and former members, polls, notifications and comments on fiches.
 */
export class Discussions1764100000000 implements MigrationInterface {
  name = 'Discussions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id),
        kind text NOT NULL CHECK (kind IN ('discussion', 'question', 'announcement')),
        title text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        status text CHECK (status IN ('open', 'solved')),
        solved_message_id uuid,
        subject_type text CHECK (subject_type IN ('fiche', 'session')),
        subject_id uuid,
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        -- Sequence of the last message (1, 2, 3... without gaps) and of the last change of any message.
        last_seq int NOT NULL DEFAULT 0,
        last_change int NOT NULL DEFAULT 0,
        last_message_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (to_tsvector('affluents_fr', title)) STORED,
        UNIQUE (subject_type, subject_id)
      )`);
    await q.query('CREATE INDEX threads_group_recent ON threads (group_id, last_message_at DESC NULLS LAST)');
    await q.query('CREATE INDEX threads_search ON threads USING gin (search)');
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        seq int NOT NULL,
        change int NOT NULL,
        client_id text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL,
        html text NOT NULL,
        -- Plain text of the body, for search, excerpts and emails.
        body_text text NOT NULL DEFAULT '',
        reply_to_id uuid REFERENCES messages(id),
        mentions uuid[] NOT NULL DEFAULT '{}',
        mentions_group boolean NOT NULL DEFAULT false,
        previews jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        hidden_by_id uuid REFERENCES users(id),
        moved_to_thread_id uuid REFERENCES threads(id),
        search tsvector GENERATED ALWAYS AS (to_tsvector('affluents_fr', body_text)) STORED,
        UNIQUE (thread_id, seq),
        -- A resend after a lost acknowledgement carries the same client id: one message only.
        UNIQUE (author_id, client_id)
      )`);
    await q.query('CREATE INDEX messages_thread_change ON messages (thread_id, change)');
    await q.query('CREATE INDEX messages_search ON messages USING gin (search)');
    await q.query(`
      ALTER TABLE threads ADD CONSTRAINT threads_solved_message
        FOREIGN KEY (solved_message_id) REFERENCES messages(id) ON DELETE SET NULL`);
    await q.query(`
      CREATE TABLE message_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        body text NOT NULL,
        edited_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX message_revisions_message ON message_revisions (message_id, edited_at)');
    await q.query(`
      CREATE TABLE message_reactions (
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        emoji text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, user_id, emoji)
      )`);
    await q.query(`
      CREATE TABLE thread_reads (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        last_read_seq int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, thread_id)
      )`);
    await q.query(`
      CREATE TABLE thread_follows (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('following', 'muted')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, thread_id)
      )`);
    await q.query(`
      CREATE TABLE thread_access_grants (
        thread_id uuid NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('guest', 'former_member')),
        granted_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (thread_id, user_id)
      )`);
    await q.query('CREATE INDEX thread_access_grants_user ON thread_access_grants (user_id)');
    await q.query(`
      CREATE TABLE group_member_settings (
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        follow_all_new_threads boolean NOT NULL DEFAULT false,
        PRIMARY KEY (group_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE polls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('proposal', 'single', 'multiple', 'dates')),
        question text NOT NULL,
        details text,
        closes_at timestamptz NOT NULL,
        quorum int,
        closed_at timestamptz,
        outcome text,
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX polls_thread ON polls (thread_id)');
    await q.query(`
      CREATE TABLE poll_options (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        poll_id uuid NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
        position int NOT NULL,
        label text NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz
      )`);
    await q.query('CREATE INDEX poll_options_poll ON poll_options (poll_id, position)');
    await q.query(`
      CREATE TABLE poll_votes (
        poll_id uuid NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        position text CHECK (position IN ('agree', 'abstain', 'disagree', 'block')),
        option_ids uuid[] NOT NULL DEFAULT '{}',
        date_answers jsonb NOT NULL DEFAULT '{}',
        reason text,
        voted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (poll_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        actor_id uuid REFERENCES users(id),
        group_id uuid REFERENCES groups(id),
        thread_id uuid REFERENCES threads(id) ON DELETE CASCADE,
        message_id uuid REFERENCES messages(id) ON DELETE CASCADE,
        fiche_id uuid REFERENCES fiches(id) ON DELETE CASCADE,
        link text NOT NULL,
        title text NOT NULL,
        excerpt text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- Mentions are emailed when still unread at this time (null: never emailed).
        email_due_at timestamptz,
        emailed_at timestamptz
      )`);
    await q.query('CREATE INDEX notifications_user_recent ON notifications (user_id, created_at DESC)');
    await q.query(`
      CREATE INDEX notifications_email_due ON notifications (email_due_at)
        WHERE email_due_at IS NOT NULL AND emailed_at IS NULL AND read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        email_mentions boolean NOT NULL DEFAULT true,
        daily_digest boolean NOT NULL DEFAULT true,
        -- The last digest sent: the next one covers what happened after it.
        last_digest_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE fiche_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiche_id uuid NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
        anchor_start text NOT NULL,
        anchor_end text NOT NULL,
        quote text NOT NULL DEFAULT '',
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL,
        mentions uuid[] NOT NULL DEFAULT '{}',
        resolved_at timestamptz,
        resolved_by_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX fiche_comments_fiche ON fiche_comments (fiche_id, created_at)');
    await q.query(`
      CREATE TABLE fiche_comment_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES fiche_comments(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL,
        mentions uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz
      )`);
    await q.query(
      'CREATE INDEX fiche_comment_replies_comment ON fiche_comment_replies (comment_id, created_at)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'fiche_comment_replies',
      'fiche_comments',
      'notification_preferences',
      'notifications',
      'poll_votes',
      'poll_options',
      'polls',
      'group_member_settings',
      'thread_access_grants',
      'thread_follows',
      'thread_reads',
      'message_reactions',
      'message_revisions',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query('ALTER TABLE threads DROP CONSTRAINT IF EXISTS threads_solved_message');
    await q.query('DROP TABLE IF EXISTS messages');
    await q.query('DROP TABLE IF EXISTS threads');
  }
}
