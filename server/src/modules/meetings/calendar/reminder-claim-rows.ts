import type { Queryable } from '../meeting-rows';

/**
 * Claims a reminder (meeting_reminders: meeting, kind, start); false when it was claimed before. A
 * meeting moved to another start is a new claim.
 */
export async function claimReminder(
  db: Queryable,
  reminder: { meetingId: string; kind: string; startsAt: Date },
): Promise<boolean> {
  const claimed: unknown[] = await db.query(
    `INSERT INTO meeting_reminders (meeting_id, kind, starts_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING meeting_id`,
    [reminder.meetingId, reminder.kind, reminder.startsAt],
  );
  return claimed.length > 0;
}
