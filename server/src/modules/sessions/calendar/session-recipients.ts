import type { EntityManager } from 'typeorm';

/** A person a session mail goes to, with their answer to the invitation if they gave one. */
export interface SessionRecipient {
  userId: string;
  email: string;
  displayName: string;
  answer: 'yes' | 'no' | 'maybe' | null;
}

/**
 * The members of the session's group and the guests of the session (active accounts only), with their
 * answers. `onlyUserId` narrows it to one person (a guest invited later).
 */
export async function sessionRecipients(
  manager: EntityManager,
  session: { id: string; groupId: string },
  onlyUserId?: string,
): Promise<SessionRecipient[]> {
  return manager.query(
    `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", r.answer
       FROM users u
       LEFT JOIN session_rsvps r ON r.session_id = $1 AND r.user_id = u.id
      WHERE u.disabled_at IS NULL
        AND (u.id IN (SELECT m.user_id FROM memberships m WHERE m.group_id = $2)
             OR u.id IN (SELECT g.user_id FROM session_guests g WHERE g.session_id = $1))
        AND ($3::uuid IS NULL OR u.id = $3)
      ORDER BY u.email`,
    [session.id, session.groupId, onlyUserId ?? null],
  );
}
