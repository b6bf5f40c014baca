import { can, type Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type DueActionRow,
  type MeetingNoticeRow,
  meetingInvitees,
  meetingNotice,
  meetingPresentIds,
  meetingsAsSeenBy,
  openActionsDueBetween,
} from './meeting-audience-rows';

/**
 * Who hears of a meeting, for the notifications module: the meeting's facts, who is invited (members and
 * guests), who took part, and which meetings a member may still see (the same `meeting.view` as routes).
 */
@Injectable()
export class MeetingAudience {
  constructor(private readonly dataSource: DataSource) {}

  /** The meeting's title, group, date and status, or null when it does not exist. */
  async notice(meetingId: string): Promise<MeetingNoticeRow | null> {
    return (await meetingNotice(this.dataSource, meetingId)) ?? null;
  }

  /** Everyone invited: the group's members and the meeting's guests. */
  invitees(meetingId: string): Promise<{ memberIds: string[]; guestIds: string[] }> {
    return meetingInvitees(this.dataSource, meetingId);
  }

  /**
   * Those who took part: recorded present; when no attendance was taken (a meeting held without the live
   * mode), everyone invited.
   */
  async participants(meetingId: string): Promise<string[]> {
    const present = await meetingPresentIds(this.dataSource, meetingId);
    if (present.length > 0) return present;
    const { memberIds, guestIds } = await this.invitees(meetingId);
    return [...memberIds, ...guestIds];
  }

  /** Open actions with an owner, due from `fromDay` to `toDay` (ISO dates, inclusive). */
  actionsDueBetween(fromDay: string, toDay: string): Promise<DueActionRow[]> {
    return openActionsDueBetween(this.dataSource, fromDay, toDay);
  }

  /** Of `meetingIds`, those `subject` may see now (members of the group, guests of the meeting). */
  async viewable(subject: Subject, meetingIds: string[]): Promise<Set<string>> {
    const rows = await meetingsAsSeenBy(this.dataSource, subject.userId, meetingIds);
    return new Set(
      rows
        .filter((r) => can(subject, 'meeting.view', { groupId: r.groupId, meetingGuest: r.guest }))
        .map((r) => r.id),
    );
  }
}
