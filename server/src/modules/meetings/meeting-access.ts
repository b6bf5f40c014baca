import { type Action, can, type Subject, type Target } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forbidden, notFound } from '../../common/errors/app-error';
import { meetingCard, meetingFacts } from './meeting-rows';

/** The facts about a meeting that access decisions need. */
export interface MeetingFacts {
  id: string;
  groupId: string;
  title: string;
  status: 'planned' | 'live' | 'done' | 'cancelled';
  threadId: string | null;
  agendaDocName: string;
  notesDocName: string;
}

/** A meeting as other modules show it (« Nouveautés »): its group, title, status and slot. */
export interface MeetingCard {
  id: string;
  groupId: string;
  title: string;
  status: MeetingFacts['status'];
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface ResolvedMeeting {
  meeting: MeetingFacts;
  /** Policy target: the meeting's group and whether the caller is a guest of this meeting. */
  target: Target;
}

/**
 * Who may do what on one meeting: members of its group, and the guests invited to this one meeting
 * (a guest sees that meeting, its agenda, its thread and its minutes, nothing else). A meeting the
 * caller may not see answers 404, never 403.
 */
@Injectable()
export class MeetingAccess {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(meetingId: string, subject: Subject): Promise<ResolvedMeeting | null> {
    const row = await meetingFacts(this.dataSource, meetingId, subject.userId);
    if (!row) return null;
    const { guest, ...meeting } = row;
    return { meeting, target: { groupId: meeting.groupId, meetingGuest: guest } };
  }

  /** A meeting as other modules show it, with no caller (who sees it is theirs to decide); null if none. */
  async card(meetingId: string): Promise<MeetingCard | null> {
    return (await meetingCard(this.dataSource.manager, meetingId)) ?? null;
  }

  async canView(meetingId: string, subject: Subject): Promise<boolean> {
    const resolved = await this.resolve(meetingId, subject);
    return resolved !== null && can(subject, 'meeting.view', resolved.target);
  }

  /** Resolves the meeting and checks `action`: 404 when invisible to the caller, 403 when visible only. */
  async assert(meetingId: string, subject: Subject, action: Action): Promise<ResolvedMeeting> {
    const resolved = await this.resolve(meetingId, subject);
    if (!resolved || !can(subject, 'meeting.view', resolved.target)) throw notFound('Rencontre introuvable');
    if (!can(subject, action, resolved.target)) throw forbidden();
    return resolved;
  }
}
