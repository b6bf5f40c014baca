import type { LiveState, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, conflict } from '../../../common/errors/app-error';
import { RealtimeHub } from '../../../realtime/realtime-hub';
import { MeetingAccess, type ResolvedMeeting } from '../meeting-access';
import { MeetingAgenda } from '../meeting-agenda';
import {
  clearHands,
  endLive,
  lowerHand,
  meetingStatus,
  moveToItem,
  raiseHand,
  readLiveState,
  setSpeaker,
  startLive,
} from './live-rows';
import { isMeetingParticipant } from './meeting-participant-rows';
import { meetingRoom } from './meeting-room';

/**
 * The live mode of a meeting: current agenda item and its timer, the speaking queue and the speaker.
 * Everything lives in PostgreSQL (meetings.live_*, meeting_hands), so a reload, a reconnect or another
 * node sees the same state; every transition is a guarded UPDATE so concurrent facilitators cannot
 * skip items or restart a finished meeting. After each change the full state goes to the room.
 */
@Injectable()
export class LiveMeetingService {
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
    if (!(await startLive(this.dataSource, meetingId, items.length > 0 ? 0 : null)))
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
    if (!(await moveToItem(this.dataSource, meetingId, index))) {
      await this.requireStatus(meetingId, 'live', 'La rencontre n’est pas en cours');
      return this.state(resolved);
    }
    return this.changed(resolved);
  }

  /** Ends the meeting: the queue and the speaker are cleared; ending twice changes nothing. */
  async end(meetingId: string, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.manage');
    const ended = await this.dataSource.transaction(async (manager) => {
      if (!(await endLive(manager, meetingId))) return false;
      await clearHands(manager, meetingId);
      return true;
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
    if (!(await raiseHand(this.dataSource, meetingId, subject.userId))) {
      await this.requireStatus(meetingId, 'live', 'La rencontre n’est pas en cours');
      return this.state(resolved);
    }
    return this.changed(resolved);
  }

  async lowerHand(meetingId: string, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.participate');
    const lowered = await lowerHand(this.dataSource, meetingId, subject.userId);
    return lowered ? this.changed(resolved) : this.state(resolved);
  }

  /** Gives the floor to a participant (who leaves the queue), or to nobody with null. */
  async giveFloor(meetingId: string, userId: string | null, subject: Subject): Promise<LiveState> {
    const resolved = await this.access.assert(meetingId, subject, 'meeting.manage');
    if (userId && !(await isMeetingParticipant(this.dataSource, meetingId, userId))) {
      throw badRequest('Cette personne ne participe pas à la rencontre');
    }
    const given = await this.dataSource.transaction(async (manager) => {
      if (!(await setSpeaker(manager, meetingId, userId))) return false;
      if (userId) await lowerHand(manager, meetingId, userId);
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
    if ((await meetingStatus(this.dataSource, meetingId)) !== status) throw conflict(message);
  }

  async state(resolved: ResolvedMeeting): Promise<LiveState> {
    const stored = await readLiveState(this.dataSource, resolved.meeting.id);
    const items = stored.currentItem === null ? [] : await this.agenda.items(resolved.meeting.agendaDocName);
    return {
      ...stored,
      item: stored.currentItem === null ? null : (items[stored.currentItem] ?? null),
    };
  }
}
