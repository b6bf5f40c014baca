import type { Queryable } from '../meeting-rows';

/** The personal calendar feed tokens (calendar_feed_tokens): only their hash is stored, one per user. */

/** Stores the user's first token; false when they have one already. */
export async function insertFeedToken(db: Queryable, userId: string, tokenHash: string): Promise<boolean> {
  const inserted: unknown[] = await db.query(
    `INSERT INTO calendar_feed_tokens (user_id, token_hash) VALUES ($1, $2)
     ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
    [userId, tokenHash],
  );
  return inserted.length > 0;
}

/** Stores the user's token, replacing the one they had. */
export async function replaceFeedToken(db: Queryable, userId: string, tokenHash: string): Promise<void> {
  await db.query(
    `INSERT INTO calendar_feed_tokens (user_id, token_hash) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
    [userId, tokenHash],
  );
}

/** The active account whose token has this hash, or null. */
export async function feedOwner(db: Queryable, tokenHash: string): Promise<string | null> {
  const rows: Array<{ userId: string }> = await db.query(
    `SELECT t.user_id AS "userId" FROM calendar_feed_tokens t
       JOIN user_cards u ON u.id = t.user_id AND u.disabled_at IS NULL
      WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return rows[0]?.userId ?? null;
}
