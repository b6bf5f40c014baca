import type { NotificationKind } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingChange } from '../../../common/events/domain-events';
import { meetingChangeKind } from '../../../common/events/meeting-change-kind';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { MailService } from '../../../infra/mail/mail.service';
import {
  type MeetingMailFacts,
  meetingChangedMail,
  meetingInvitationMail,
  meetingYearInvitationMail,
} from '../../../infra/mail/mail-templates';
import { NotificationChoices } from '../../notifications/notification-choices';
import { frenchSlot } from './brussels-time';
import { type CalendarMeeting, CalendarMeetings } from './calendar-meeting-rows';
import { MeetingCalendarFiles } from './meeting-calendar-files';
import { groupPageUrl, meetingPageUrl } from './meeting-ical';
import { type MeetingRecipient, meetingRecipients } from './meeting-recipient-rows';

/** The facts a meeting mail shows one recipient. */
export function meetingMailFacts(
  meeting: CalendarMeeting & { startsAt: Date },
  recipient: MeetingRecipient,
  publicUrl: string,
): MeetingMailFacts {
  return {
    displayName: recipient.displayName,
    title: meeting.title,
    groupLabel: meeting.groupLabel,
    slot: frenchSlot(meeting.startsAt, meeting.endsAt),
    location: meeting.location,
    url: meetingPageUrl(publicUrl, meeting.id),
  };
}

const isDated = (meeting: CalendarMeeting | null): meeting is CalendarMeeting & { startsAt: Date } =>
  meeting?.startsAt != null;

/**
 * Invitation and change mails of a meeting, each with the meeting's .ics attached so the recipient's
 * calendar adds, moves or removes the same entry (stable UID, SEQUENCE bumped by the planning). They are
 * the email channel of their notification kinds (`meeting_planned`, `meeting_moved`, `meeting_cancelled`,
 * `meeting_guest_invited`): only those who chose email for that kind get them.
 */
@Injectable()
export class MeetingMailer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: CalendarMeetings,
    private readonly files: MeetingCalendarFiles,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly choices: NotificationChoices,
  ) {}

  /** The date is fixed: invites every member of the group and every guest. Returns the mails queued. */
  invitationSent(meetingId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.invite(manager, meetingId));
  }

  /** A guest invited to an already dated meeting gets the same invitation, alone. */
  guestInvited(meetingId: string, userId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.invite(manager, meetingId, userId));
  }

  /**
   * Several meetings planned at once (a year): each member gets one invitation listing every date, with
   * one calendar file holding them all. Returns the mails queued.
   */
  yearPlanned(meetingIds: readonly string[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const meetings = (await this.meetings.many(meetingIds, manager))
        .filter(isDated)
        .filter((meeting) => meeting.status !== 'cancelled');
      if (meetings.length === 0) return 0;
      const attachment = this.files.fileOfSeries(meetings);
      const recipients = await this.wanting(
        'meeting_planned',
        await meetingRecipients(manager, meetings[0]),
        manager,
      );
      for (const recipient of recipients) {
        const dates = meetings.map((meeting) => meetingMailFacts(meeting, recipient, this.config.publicUrl));
        await this.mail.enqueue(
          manager,
          recipient.email,
          'meeting_year_invitation',
          meetingYearInvitationMail({
            displayName: recipient.displayName,
            groupLabel: meetings[0].groupLabel,
            meetings: dates,
            url: groupPageUrl(this.config.publicUrl, meetings[0].groupId),
          }),
          [attachment],
        );
      }
      return recipients.length;
    });
  }

  /** The meeting moved, changed place or was cancelled (or reinstated): everyone gets the news. */
  meetingChanged(meetingId: string, change: MeetingChange): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.one(meetingId, manager);
      if (!isDated(meeting)) return 0;
      const cancelled = meeting.status === 'cancelled';
      const attachment = this.files.fileOf(meeting);
      const recipients = await this.wanting(
        meetingChangeKind(change),
        await meetingRecipients(manager, meeting),
        manager,
      );
      for (const recipient of recipients) {
        const facts = meetingMailFacts(meeting, recipient, this.config.publicUrl);
        await this.mail.enqueue(
          manager,
          recipient.email,
          cancelled ? 'meeting_cancelled' : 'meeting_changed',
          meetingChangedMail({ ...facts, cancelled }),
          [attachment],
        );
      }
      return recipients.length;
    });
  }

  private async invite(manager: EntityManager, meetingId: string, onlyUserId?: string): Promise<number> {
    const meeting = await this.meetings.one(meetingId, manager);
    // Nothing to put in a calendar yet, or nothing to come to any more.
    if (!isDated(meeting) || meeting.status === 'cancelled') return 0;
    const attachment = this.files.fileOf(meeting);
    const recipients = await this.wanting(
      onlyUserId ? 'meeting_guest_invited' : 'meeting_planned',
      await meetingRecipients(manager, meeting, onlyUserId),
      manager,
    );
    for (const recipient of recipients) {
      const facts = meetingMailFacts(meeting, recipient, this.config.publicUrl);
      await this.mail.enqueue(manager, recipient.email, 'meeting_invitation', meetingInvitationMail(facts), [
        attachment,
      ]);
    }
    return recipients.length;
  }

  /** Those of `recipients` who chose email for `kind`. */
  private async wanting(
    kind: NotificationKind,
    recipients: MeetingRecipient[],
    manager: EntityManager,
  ): Promise<MeetingRecipient[]> {
    const wanting = await this.choices.wanting(
      kind,
      'email',
      recipients.map((r) => r.userId),
      manager,
    );
    return recipients.filter((r) => wanting.has(r.userId));
  }
}
