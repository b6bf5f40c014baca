import type { EntityManager } from 'typeorm';

/** The server's VAPID key pair (base64url, as web-push makes them). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** A browser's push subscription as the sender needs it. */
export interface StoredPushSubscription {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Stores `candidate` as the key pair unless one is stored already, and returns the stored one. Two nodes
 * starting together both try; the primary key lets one insert win and both read the winner.
 */
export async function claimVapidKeys(manager: EntityManager, candidate: VapidKeys): Promise<VapidKeys> {
  await manager.query(
    `INSERT INTO push_vapid_keys (id, public_key, private_key) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING`,
    [candidate.publicKey, candidate.privateKey],
  );
  const rows: VapidKeys[] = await manager.query(
    `SELECT public_key AS "publicKey", private_key AS "privateKey" FROM push_vapid_keys WHERE id = 1`,
  );
  if (!rows[0]) throw new Error('push_vapid_keys: no key pair after the insert');
  return rows[0];
}

/**
 * Records a browser's subscription for a user's session; the same endpoint subscribed again (new keys,
 * another session or account on the same browser) replaces the earlier row.
 */
export async function upsertSubscription(
  manager: EntityManager,
  row: {
    userId: string;
    sessionId: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    label: string | null;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO push_subscriptions (user_id, session_id, endpoint, p256dh, auth, label)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (endpoint) DO UPDATE
       SET user_id = EXCLUDED.user_id, session_id = EXCLUDED.session_id, p256dh = EXCLUDED.p256dh,
           auth = EXCLUDED.auth, label = EXCLUDED.label,
           created_at = CASE WHEN push_subscriptions.user_id = EXCLUDED.user_id
                             THEN push_subscriptions.created_at ELSE now() END`,
    [row.userId, row.sessionId, row.endpoint, row.p256dh, row.auth, row.label],
  );
}

/** Deletes a user's subscription of one endpoint (nobody removes another's). */
export async function deleteSubscription(
  manager: EntityManager,
  userId: string,
  endpoint: string,
): Promise<void> {
  await manager.query('DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2', [
    userId,
    endpoint,
  ]);
}

/** The subscriptions of these users whose account is not disabled. */
export async function subscriptionsOf(
  manager: EntityManager,
  userIds: readonly string[],
): Promise<StoredPushSubscription[]> {
  return manager.query(
    `SELECT s.id, s.user_id AS "userId", s.endpoint, s.p256dh, s.auth
       FROM push_subscriptions s
       JOIN user_cards u ON u.id = s.user_id AND u.disabled_at IS NULL
      WHERE s.user_id = ANY($1::uuid[])`,
    [userIds],
  );
}

/** Notes that the push service accepted a message for this subscription. */
export async function markDelivered(manager: EntityManager, id: string): Promise<void> {
  await manager.query('UPDATE push_subscriptions SET last_success_at = now() WHERE id = $1', [id]);
}

/** Deletes a subscription the push service says is gone (404 or 410). */
export async function deleteGoneSubscription(manager: EntityManager, id: string): Promise<void> {
  await manager.query('DELETE FROM push_subscriptions WHERE id = $1', [id]);
}
