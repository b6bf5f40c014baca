import type { NotificationKind, NotificationKindChoice } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';

/** The choices a member stored (kinds they changed from the defaults) and their digest choice. */
export interface StoredChoices {
  userId: string;
  kinds: Partial<Record<NotificationKind, NotificationKindChoice>>;
  dailyDigest: boolean;
}

/** The stored choices of those of `userIds` who ever saved some. */
export async function selectChoices(manager: EntityManager, userIds: string[]): Promise<StoredChoices[]> {
  if (userIds.length === 0) return [];
  return manager.query(
    `SELECT user_id AS "userId", kinds, daily_digest AS "dailyDigest"
       FROM notification_preferences WHERE user_id = ANY($1::uuid[])`,
    [[...new Set(userIds)]],
  );
}

/** Merges `kinds` into a member's stored choices (kinds not given keep theirs) and sets the digest. */
export async function saveChoices(
  manager: EntityManager,
  userId: string,
  kinds: Partial<Record<NotificationKind, NotificationKindChoice>>,
  dailyDigest: boolean | undefined,
): Promise<void> {
  await manager.query(
    `INSERT INTO notification_preferences AS p (user_id, kinds, daily_digest)
     VALUES ($1, $2::jsonb, COALESCE($3, true))
     ON CONFLICT (user_id) DO UPDATE SET kinds = p.kinds || $2::jsonb,
                                         daily_digest = COALESCE($3, p.daily_digest)`,
    [userId, JSON.stringify(kinds), dailyDigest ?? null],
  );
}

/** Cancels a member's emails not sent yet of these kinds (they no longer want them by email). */
export async function cancelDueEmails(
  manager: EntityManager,
  userId: string,
  kinds: readonly NotificationKind[],
): Promise<void> {
  if (kinds.length === 0) return;
  await manager.query(
    `UPDATE notifications SET email_due_at = NULL
      WHERE user_id = $1 AND email_due_at IS NOT NULL AND emailed_at IS NULL AND kind = ANY($2::text[])`,
    [userId, kinds],
  );
}
