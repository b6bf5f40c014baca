import type { LiveState, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, conflict } from '../../../common/errors/app-error';
import { RealtimeHub } from '../../../realtime/realtime-hub';
import { MeetingAccess, type ResolvedMeeting } from '../meeting-access';
import { affectedRows } from './affected-rows';
import { MeetingAgenda } from './meeting-agenda';
import { isMeetingParticipant } from './meeting-participants';
import { meetingRoom } from './meeting-room';

const toIso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * The live mode of a meeting: current agenda item and its timer, the speaking queue and the speaker.
 * Everything lives in PostgreSQL (meetings.live_*, meeting_hands), so a reload, a reconnect or another
 * node sees the same state; every transition is a guarded UPDATE so concurrent facilitators cannot
 * skip items or restart a finished meeting. After each change the full state goes to the room.
 */
@Injectable()
export class LiveSessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly agenda: MeetingAgenda,
    private readonly hub: RealtimeHub,
  ) {}

  async view(meetingId: string, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.view');
    return this.state(resolved);
  }

  /** Starts the meeting at the first item; pressing "start" again while live changes nothing. */
  async start(meetingId: string, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.manage');
    const items = await this.agenda.items(resolved.meeting.agendaDocName);
    const started = await this.dataSource.query(
      `UPDATE meetings SET status = 'live', live_started_at = clock_timestamp(), live_current_item = $2,
              live_item_started_at = clock_timestamp(), live_speaker_id = NULL, updated_at = now()
        WHERE id = $1 AND status = 'planned' RETURNING id`,
      [meetingId, items.length > 0 ? 0 : null],
    );
    if (affectedRows(started) === 0)
      await this.requireStatus(meetingId, 'live', 'Cette rencontre ne peut plus commencer');
    return this.changed(resolved, { statusChanged: true });
  }

  /**
   * Moves to an explicit item: going to the item already current changes nothing (two facilitators
   * pressing "next" at once both send the same index, so no item is skipped and the timer runs on).
   */
  async goto(meetingId: string, index: number, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.manage');
    const items = await this.agenda.items(resolved.meeting.agendaDocName);
    if (index >= items.length) throw badRequest('Ce point n’existe pas à l’ordre du jour');
    const moved = await this.dataSource.query(
      `UPDATE meetings SET live_current_item = $2, live_item_started_at = clock_timestamp(), updated_at = now()
        WHERE id = $1 AND status = 'live' AND live_current_item IS DISTINCT FROM $2 RETURNING id`,
      [meetingId, index],
    );
    if (affectedRows(moved) === 0) {
      await this.requireStatus(meetingId, 'live', 'La rencontre n’est pas en cours');
      return this.state(resolved);
    }
    return this.changed(resolved);
  }

  /** Ends the meeting: the queue and the speaker are cleared; ending twice changes nothing. */
  async end(meetingId: string, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.manage');
    const ended = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query(
        `UPDATE meetings SET status = 'done', ended_at = clock_timestamp(), live_speaker_id = NULL,
                updated_at = now()
          WHERE id = $1 AND status = 'live' RETURNING id`,
        [meetingId],
      );
      if (affectedRows(rows) > 0)
        await manager.query('DELETE FROM meeting_hands WHERE meeting_id = $1', [meetingId]);
      return affectedRows(rows) > 0;
    });
    if (!ended) {
      await this.requireStatus(meetingId, 'done', 'La rencontre n’est pas en cours');
      return this.state(resolved);
    }
    return this.changed(resolved, { statusChanged: true });
  }

  /** Raises the caller's hand; raising again keeps the first place in the queue. */
  async raiseHand(meetingId: string, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.participate');
    const inserted = await this.dataSource.query(
      `INSERT INTO meeting_hands (meeting_id, user_id)
       SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM meetings WHERE id = $1 AND status = 'live')
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [meetingId, subject.userId],
    );
    if (affectedRows(inserted) === 0) {
      await this.requireStatus(meetingId, 'live', 'La rencontre n’est pas en cours');
      return this.state(resolved);
    }
    return this.changed(resolved);
  }

  async lowerHand(meetingId: string, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.participate');
    const deleted = await this.dataSource.query(
      'DELETE FROM meeting_hands WHERE meeting_id = $1 AND user_id = $2 RETURNING user_id',
      [meetingId, subject.userId],
    );
    return affectedRows(deleted) > 0 ? this.changed(resolved) : this.state(resolved);
  }

  /** Gives the floor to a participant (who leaves the queue), or to nobody with null. */
  async giveFloor(meetingId: string, userId: string | null, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.manage');
    if (userId && !(await isMeetingParticipant(this.dataSource, meetingId, userId))) {
      throw badRequest('Cette personne ne participe pas à la rencontre');
    }
    const given = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query(
        `UPDATE meetings SET live_speaker_id = $2, updated_at = now()
          WHERE id = $1 AND status = 'live' RETURNING id`,
        [meetingId, userId],
      );
      if (affectedRows(rows) === 0) return false;
      if (userId) {
        await manager.query('DELETE FROM meeting_hands WHERE meeting_id = $1 AND user_id = $2', [
          meetingId,
          userId,
        ]);
      }
      return true;
    });
    if (!given) throw conflict('La rencontre n’est pas en cours');
    return this.changed(resolved);
  }

  /**
   * Reads the state and pushes it to the meeting's room; a start or an end also changes the meeting's
   * status, so its page refetches the details ('meeting:updated').
   */
  private async changed(
    resolved: ResolvedMeeting,
    options: { statusChanged?: boolean } = {},
  ): Promise<LiveState> {
    const state = await this.state(resolved);
    const room = meetingRoom(resolved.meeting.id);
    this.hub.emit(room, 'meeting:live', state);
    if (options.statusChanged) this.hub.emit(room, 'meeting:updated', { meetingId: resolved.meeting.id });
    return state;
  }

  private async requireStatus(meetingId: string, status: string, message: string): Promise<void> {
    const rows: Array<{ status: string }> = await this.dataSource.query(
      'SELECT status FROM meetings WHERE id = $1',
      [meetingId],
    );
    if (rows[0]?.status !== status) throw conflict(message);
  }

  async state(resolved: ResolvedMeeting): Promise<LiveState> {
    const meetingId = resolved.meeting.id;
    const [row]: Array<{
      status: LiveState['status'];
      currentItem: number | null;
      itemStartedAt: Date | null;
      startedAt: Date | null;
      speakerId: string | null;
      speakerName: string | null;
      now: Date;
    }> = await this.dataSource.query(
      `SELECT s.status, s.live_current_item AS "currentItem", s.live_item_started_at AS "itemStartedAt",
              s.live_started_at AS "startedAt", s.live_speaker_id AS "speakerId",
              u.display_name AS "speakerName", clock_timestamp() AS now
         FROM meetings s LEFT JOIN users u ON u.id = s.live_speaker_id
        WHERE s.id = $1`,
      [meetingId],
    );
    const hands: Array<{ id: string; displayName: string; raisedAt: Date }> = await this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", h.raised_at AS "raisedAt"
         FROM meeting_hands h JOIN users u ON u.id = h.user_id
        WHERE h.meeting_id = $1 ORDER BY h.raised_at, h.user_id`,
      [meetingId],
    );
    const items = row.currentItem === null ? [] : await this.agenda.items(resolved.meeting.agendaDocName);
    return {
      meetingId,
      status: row.status,
      currentItem: row.currentItem,
      item: row.currentItem === null ? null : (items[row.currentItem] ?? null),
      itemStartedAt: toIso(row.itemStartedAt),
      startedAt: toIso(row.startedAt),
      queue: hands.map((h) => ({
        person: { id: h.id, displayName: h.displayName },
        raisedAt: toIso(h.raisedAt) as string,
      })),
      speaker: row.speakerId ? { id: row.speakerId, displayName: row.speakerName ?? '' } : null,
      serverTime: toIso(row.now) as string,
    };
  }
}
