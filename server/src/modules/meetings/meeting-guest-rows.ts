import { insertAccountIfNew } from '../../identity/user-accounts';
import type { Queryable } from './meeting-rows';

/**
 * The guests of a meeting (meeting_guests), and what inviting one writes beside them: the guest's
 * account when it is new and its password link.
 */

/** Adds a guest to the meeting; false when they already were one. */
export async function insertGuest(
  db: Queryable,
  guest: { meetingId: string; userId: string; organisation: string | null; invitedById: string },
): Promise<boolean> {
  const inserted: unknown[] = await db.query(
    `INSERT INTO meeting_guests (meeting_id, user_id, organisation, invited_by_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (meeting_id, user_id) DO NOTHING RETURNING user_id`,
    [guest.meetingId, guest.userId, guest.organisation, guest.invitedById],
  );
  return inserted.length > 0;
}

/** Removes a guest from the meeting; false when they were not one. */
export async function deleteGuest(db: Queryable, meetingId: string, userId: string): Promise<boolean> {
  // A DELETE's result comes back as [rows, count] from the driver: counting in SQL stays unambiguous.
  const [{ n }]: Array<{ n: number }> = await db.query(
    `WITH d AS (DELETE FROM meeting_guests WHERE meeting_id = $1 AND user_id = $2 RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [meetingId, userId],
  );
  return n > 0;
}

/** The account with this email, or undefined. */
export async function accountByEmail(
  db: Queryable,
  email: string,
): Promise<{ id: string; disabledAt: Date | null } | undefined> {
  const [row]: Array<{ id: string; disabledAt: Date | null }> = await db.query(
    'SELECT id, disabled_at AS "disabledAt" FROM user_cards WHERE email = $1',
    [email],
  );
  return row;
}

/** Creates a guest's account; returns its id, or null when an account with this email exists already. */
export async function insertGuestAccount(
  db: Queryable,
  account: { email: string; displayName: string; passwordHash: string },
): Promise<string | null> {
  return insertAccountIfNew(db, account);
}
