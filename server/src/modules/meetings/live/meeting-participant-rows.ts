import type { EntityManager } from 'typeorm';

/**
 * Whether a user takes part in a meeting: a member of its group or a guest invited to it. Attendance,
 * the floor and action owners are limited to them.
 */
export async function isMeetingParticipant(
  manager: Pick<EntityManager, 'query'>,
  meetingId: string,
  userId: string,
): Promise<boolean> {
  const rows: Array<{ ok: boolean }> = await manager.query(
    `SELECT EXISTS (
              SELECT 1 FROM meetings s JOIN group_members m ON m.group_id = s.group_id
               WHERE s.id = $1 AND m.user_id = $2)
         OR EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = $1 AND g.user_id = $2) AS ok`,
    [meetingId, userId],
  );
  return rows[0]?.ok === true;
}
