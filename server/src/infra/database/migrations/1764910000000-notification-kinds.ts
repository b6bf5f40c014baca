import type { MigrationInterface, QueryRunner } from 'typeorm';

const MENTION_KINDS = ['mention', 'group_mention', 'comment_mention', 'fiche_mention'];

/**
 * Notification preferences per kind (docs/ARCHITECTURE.md, "Notifications"): `kinds` holds the choices a
 * member made (`{ kind: { delivery, push } }`), every other kind takes its default from the contracts.
 * Whoever had turned mention emails off keeps them off: their mention kinds become 'app'.
 * Notifications about a meeting (its date poll, dates, minutes, actions) name it, so that listing
 * re-checks the reader may still see it. The scheduled kinds (`action_due`, `poll_closing`) are stored
 * once per person and what they are about (their link).
 */
export class NotificationKinds1764910000000 implements MigrationInterface {
  name = 'NotificationKinds1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_preferences ADD COLUMN kinds jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(
      `UPDATE notification_preferences
          SET kinds = (SELECT jsonb_object_agg(k, jsonb_build_object('delivery', 'app', 'push', true))
                         FROM unnest($1::text[]) AS k)
        WHERE NOT email_mentions`,
      [MENTION_KINDS],
    );
    await q.query('ALTER TABLE notification_preferences DROP COLUMN email_mentions');
    await q.query(
      'ALTER TABLE notifications ADD COLUMN meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE',
    );
    await q.query(`
      CREATE UNIQUE INDEX notifications_scheduled_once ON notifications (user_id, kind, link)
        WHERE kind IN ('action_due', 'poll_closing')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS notifications_scheduled_once');
    await q.query('ALTER TABLE notifications DROP COLUMN meeting_id');
    await q.query(
      'ALTER TABLE notification_preferences ADD COLUMN email_mentions boolean NOT NULL DEFAULT true',
    );
    await q.query(
      `UPDATE notification_preferences SET email_mentions = false WHERE kinds->'mention'->>'delivery' <> 'email'`,
    );
    await q.query('ALTER TABLE notification_preferences DROP COLUMN kinds');
  }
}
