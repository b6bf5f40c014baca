import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A followed thread rings the bell once until read (docs/DISCUSSIONS.md): at most one unread
 * `followed_thread` notification per member and thread, enforced by a partial unique index that
 * `INSERT ... ON CONFLICT DO NOTHING` relies on. Older unread duplicates are removed, keeping the earliest
 * (it links to the first unread message). The (user, message) index serves the "already notified of this
 * message" check, which otherwise scans every notification of the recipient.
 */
export class CoalescedFollowedThreadNotifications1764200000800 implements MigrationInterface {
  name = 'CoalescedFollowedThreadNotifications1764200000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notifications n
       USING notifications keep
       WHERE n.kind = 'followed_thread' AND n.read_at IS NULL
         AND keep.kind = 'followed_thread' AND keep.read_at IS NULL
         AND keep.user_id = n.user_id AND keep.thread_id = n.thread_id
         AND (keep.created_at, keep.id) < (n.created_at, n.id)`);
    await q.query(`
      CREATE UNIQUE INDEX notifications_unread_followed_thread ON notifications (user_id, thread_id)
        WHERE kind = 'followed_thread' AND read_at IS NULL`);
    await q.query(`
      CREATE INDEX notifications_user_message ON notifications (user_id, message_id)
        WHERE message_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS notifications_user_message');
    await q.query('DROP INDEX IF EXISTS notifications_unread_followed_thread');
  }
}
