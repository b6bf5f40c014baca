import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecurringJob } from '../../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { MailService } from '../../../infra/mail/mail.service';
import { meetingReminderMail } from '../../../infra/mail/mail-templates';
import { CalendarMeetings } from './calendar-meeting-rows';
import { meetingMailFacts } from './meeting-mailer';
import { meetingRecipients } from './meeting-recipient-rows';
import { claimReminder } from './reminder-claim-rows';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

export type ReminderKind = 'week' | 'day';

/** Which reminder is due for a meeting starting in `untilStartMs`: the day one within 24 h, else the week one. */
export function reminderKind(untilStartMs: number): ReminderKind | null {
  if (untilStartMs <= 0 || untilStartMs > WEEK_MS) return null;
  return untilStartMs <= DAY_MS ? 'day' : 'week';
}

/**
 * Reminder mails a week and a day before each planned meeting, to the members and guests who did not
 * answer "no". A reminder is claimed by its row in meeting_reminders (meeting, kind, start): the mails
 * are queued in the transaction that inserted it, so two nodes never send it twice, and a meeting moved
 * to another date is reminded again for its new date.
 */
@Injectable()
export class MeetingReminders implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: RecurringJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: CalendarMeetings,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.job = new RecurringJob('MeetingReminders', () => this.runDue(), {
      intervalMs: this.config.meetingReminderIntervalMs,
      ready: () => dataSource.isInitialized,
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /** Queues the reminders due at `now`; returns how many mails were queued. */
  async runDue(now: Date = new Date()): Promise<number> {
    const due = await this.meetings.plannedBetween(now, new Date(now.getTime() + WEEK_MS));
    let queued = 0;
    for (const { id, startsAt } of due) {
      const kind = reminderKind(startsAt.getTime() - now.getTime());
      if (kind) queued += await this.remind(id, kind, startsAt);
    }
    return queued;
  }

  private remind(meetingId: string, kind: ReminderKind, startsAt: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await claimReminder(manager, { meetingId, kind, startsAt }))) return 0;
      const meeting = await this.meetings.one(meetingId, manager);
      if (!meeting?.startsAt) return 0;
      const dated = { ...meeting, startsAt: meeting.startsAt };
      const recipients = (await meetingRecipients(manager, meeting)).filter((r) => r.answer !== 'no');
      for (const recipient of recipients) {
        const facts = meetingMailFacts(dated, recipient, this.config.publicUrl);
        await this.mail.enqueue(
          manager,
          recipient.email,
          `meeting_reminder_${kind}`,
          meetingReminderMail({ ...facts, kind }),
        );
      }
      return recipients.length;
    });
  }
}
