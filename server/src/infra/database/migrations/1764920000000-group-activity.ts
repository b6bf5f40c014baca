import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * « Nouveautés » beyond messages: one row per thing that happened in a group (a fiche created, a meeting
 * moved, minutes published...), and each member's read marker per group. Owned by `modules/activity`.
 */
export class GroupActivity1764920000000 implements MigrationInterface {
  name = 'GroupActivity1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE group_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        kind text NOT NULL,
        fiche_id uuid REFERENCES fiches(id) ON DELETE CASCADE,
        meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE,
        thread_id uuid REFERENCES threads(id) ON DELETE CASCADE,
        poll_id uuid REFERENCES polls(id) ON DELETE CASCADE,
        comment_id uuid,
        action_id uuid,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text NOT NULL,
        excerpt text NOT NULL DEFAULT '',
        link text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      'CREATE INDEX group_activity_group_created ON group_activity (group_id, created_at DESC, id DESC)',
    );
    await q.query(`
      CREATE TABLE activity_reads (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, group_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE activity_reads');
    await q.query('DROP TABLE group_activity');
  }
}
