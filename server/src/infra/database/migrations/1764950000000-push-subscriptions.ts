import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web Push: the server's VAPID key pair (one row, made at the first start and shared by every node), and the
 * browsers' push subscriptions, each tied to the sign-in session that made it, so that a sign-out, a password
 * reset or a disabled account (their sessions deleted) stops that device's notifications.
 */
export class PushSubscriptions1764950000000 implements MigrationInterface {
  name = 'PushSubscriptions1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE push_vapid_keys (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        public_key text NOT NULL,
        private_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE push_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        endpoint text NOT NULL UNIQUE,
        p256dh text NOT NULL,
        auth text NOT NULL,
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_success_at timestamptz
      )`);
    await q.query('CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id)');
    await q.query('CREATE INDEX push_subscriptions_session ON push_subscriptions (session_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE push_subscriptions');
    await q.query('DROP TABLE push_vapid_keys');
  }
}
