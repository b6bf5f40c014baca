import type { EntityManager } from 'typeorm';

/** A person a meeting mail goes to, with their answer to the invitation if they gave one. */
export interface MeetingRecipient {
  userId: string;
  email: string;
  displayName: string;
  answer: 'yes' | 'no' | 'maybe' | null;
}

/**
 * The members of the meeting's group and the guests of the meeting (active accounts only), with their
 * answers. `onlyUserId` narrows it to one person (a guest invited later).
 */
export async function meetingRecipients(
  manager: EntityManager,
  meeting: { id: string; groupId: string },
  onlyUserId?: string,
): Promise<MeetingRecipient[]> {
  return manager.query(
    `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", r.answer
       FROM user_cards u
       LEFT JOIN meeting_rsvps r ON r.meeting_id = $1 AND r.user_id = u.id
      WHERE u.disabled_at IS NULL
        AND (u.id IN (SELECT m.user_id FROM group_members m WHERE m.group_id = $2)
             OR u.id IN (SELECT g.user_id FROM meeting_guests g WHERE g.meeting_id = $1))
        AND ($3::uuid IS NULL OR u.id = $3)
      ORDER BY u.email`,
    [meeting.id, meeting.groupId, onlyUserId ?? null],
  );
}
