import type { Decision, LiveState, SetAttendanceRequest } from '@affluents/contracts';
import { toIso } from '../../../infra/database/timestamps';
import type { Queryable } from '../meeting-rows';
import { affectedRows } from './affected-rows';

/**
 * The live mode's rows: the live columns of meetings (status, current item, speaker), the speaking
 * queue (meeting_hands), attendance (meeting_attendance) and decisions (meeting_decisions). Each
 * transition is one guarded statement that says whether it changed anything.
 */

/** The live state as stored, without the agenda item (read from the agenda document). */
export type StoredLiveState = Omit<LiveState, 'item'>;

/** Starts a planned meeting at `currentItem`; false when it was not planned. */
export async function startLive(
  db: Queryable,
  meetingId: string,
  currentItem: number | null,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE meetings SET status = 'live', live_started_at = clock_timestamp(), live_current_item = $2,
            live_item_started_at = clock_timestamp(), live_speaker_id = NULL, updated_at = now()
      WHERE id = $1 AND status = 'planned' RETURNING id`,
    [meetingId, currentItem],
  );
  return affectedRows(rows) > 0;
}

/** Moves a live meeting to item `index` and restarts its timer; false when not live or already there. */
export async function moveToItem(db: Queryable, meetingId: string, index: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE meetings SET live_current_item = $2, live_item_started_at = clock_timestamp(), updated_at = now()
      WHERE id = $1 AND status = 'live' AND live_current_item IS DISTINCT FROM $2 RETURNING id`,
    [meetingId, index],
  );
  return affectedRows(rows) > 0;
}

/** Ends a live meeting (speaker cleared); false when it was not live. */
export async function endLive(db: Queryable, meetingId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE meetings SET status = 'done', ended_at = clock_timestamp(), live_speaker_id = NULL,
            updated_at = now()
      WHERE id = $1 AND status = 'live' RETURNING id`,
    [meetingId],
  );
  return affectedRows(rows) > 0;
}

/** Gives the floor of a live meeting to `userId` (or nobody); false when it is not live. */
export async function setSpeaker(db: Queryable, meetingId: string, userId: string | null): Promise<boolean> {
  const rows = await db.query(
    `UPDATE meetings SET live_speaker_id = $2, updated_at = now()
      WHERE id = $1 AND status = 'live' RETURNING id`,
    [meetingId, userId],
  );
  return affectedRows(rows) > 0;
}

/** The meeting's status, or null when it does not exist. */
export async function meetingStatus(db: Queryable, meetingId: string): Promise<string | null> {
  const rows: Array<{ status: string }> = await db.query('SELECT status FROM meetings WHERE id = $1', [
    meetingId,
  ]);
  return rows[0]?.status ?? null;
}

/** Puts the user in the queue of a live meeting; false when not live or already in the queue. */
export async function raiseHand(db: Queryable, meetingId: string, userId: string): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO meeting_hands (meeting_id, user_id)
     SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM meetings WHERE id = $1 AND status = 'live')
     ON CONFLICT DO NOTHING RETURNING user_id`,
    [meetingId, userId],
  );
  return affectedRows(rows) > 0;
}

/** Takes the user out of the queue; false when they were not in it. */
export async function lowerHand(db: Queryable, meetingId: string, userId: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM meeting_hands WHERE meeting_id = $1 AND user_id = $2 RETURNING user_id',
    [meetingId, userId],
  );
  return affectedRows(rows) > 0;
}

/** Empties the queue. */
export async function clearHands(db: Queryable, meetingId: string): Promise<void> {
  await db.query('DELETE FROM meeting_hands WHERE meeting_id = $1', [meetingId]);
}

/** The stored live state with the database's clock (the clients' timers count from it). */
export async function readLiveState(db: Queryable, meetingId: string): Promise<StoredLiveState> {
  const [row]: Array<{
    status: LiveState['status'];
    currentItem: number | null;
    itemStartedAt: Date | null;
    startedAt: Date | null;
    speakerId: string | null;
    speakerName: string | null;
    now: Date;
  }> = await db.query(
    `SELECT s.status, s.live_current_item AS "currentItem", s.live_item_started_at AS "itemStartedAt",
            s.live_started_at AS "startedAt", s.live_speaker_id AS "speakerId",
            u.display_name AS "speakerName", clock_timestamp() AS now
       FROM meetings s LEFT JOIN user_cards u ON u.id = s.live_speaker_id
      WHERE s.id = $1`,
    [meetingId],
  );
  const hands: Array<{ id: string; displayName: string; raisedAt: Date }> = await db.query(
    `SELECT u.id, u.display_name AS "displayName", h.raised_at AS "raisedAt"
       FROM meeting_hands h JOIN user_cards u ON u.id = h.user_id
      WHERE h.meeting_id = $1 ORDER BY h.raised_at, h.user_id`,
    [meetingId],
  );
  return {
    meetingId,
    status: row.status,
    currentItem: row.currentItem,
    itemStartedAt: toIso(row.itemStartedAt),
    startedAt: toIso(row.startedAt),
    queue: hands.map((h) => ({
      person: { id: h.id, displayName: h.displayName },
      raisedAt: toIso(h.raisedAt),
    })),
    speaker: row.speakerId ? { id: row.speakerId, displayName: row.speakerName ?? '' } : null,
    serverTime: toIso(row.now),
  };
}

/** Records (or corrects) a participant's attendance. */
export async function recordAttendance(
  db: Queryable,
  meetingId: string,
  attendance: SetAttendanceRequest,
  recordedById: string,
): Promise<void> {
  await db.query(
    `INSERT INTO meeting_attendance (meeting_id, user_id, state, recorded_by_id)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (meeting_id, user_id)
     DO UPDATE SET state = EXCLUDED.state, recorded_by_id = EXCLUDED.recorded_by_id, updated_at = now()`,
    [meetingId, attendance.userId, attendance.state, recordedById],
  );
}

interface DecisionRow {
  id: string;
  text: string;
  createdAt: Date;
}

const toDecision = (meetingId: string, r: DecisionRow): Decision => ({
  id: r.id,
  meetingId,
  text: r.text,
  createdAt: toIso(r.createdAt),
});

/** The decisions of one meeting, in the order they were taken. */
export async function decisionsOfMeeting(db: Queryable, meetingId: string): Promise<Decision[]> {
  const rows: DecisionRow[] = await db.query(
    `SELECT id, text, created_at AS "createdAt" FROM meeting_decisions WHERE meeting_id = $1
      ORDER BY created_at, id`,
    [meetingId],
  );
  return rows.map((r) => toDecision(meetingId, r));
}

/** Records a decision. */
export async function insertDecision(
  db: Queryable,
  meetingId: string,
  text: string,
  createdById: string,
): Promise<Decision> {
  const [row]: DecisionRow[] = await db.query(
    `INSERT INTO meeting_decisions (meeting_id, text, created_by_id) VALUES ($1, $2, $3)
     RETURNING id, text, created_at AS "createdAt"`,
    [meetingId, text, createdById],
  );
  return toDecision(meetingId, row);
}

/** Deletes a decision of this meeting; false when there was none. */
export async function deleteDecision(db: Queryable, meetingId: string, decisionId: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM meeting_decisions WHERE id = $1 AND meeting_id = $2 RETURNING id',
    [decisionId, meetingId],
  );
  return affectedRows(rows) > 0;
}
