import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { UserDirectory } from '../../identity/user-directory';
import { MailService } from '../../infra/mail/mail.service';
import { notificationMail } from '../../infra/mail/mail-templates';
import { MeetingAudience } from '../meetings/meeting-audience';
import { NotificationAudience } from './notification-audience';
import { NotificationChoices } from './notification-choices';
import { claimDueEmails, type DueEmail, dropDueEmails, selectDueEmails } from './notification-rows';

const BATCH = 50;
// Mentions keep the outbox template name they always had.
const MENTION_TEMPLATE_KINDS = new Set(['mention', 'group_mention', 'comment_mention', 'fiche_mention']);

/**
 * Emails notifications still unread when their delay has passed, to those who chose email for that kind
 * (asked again at sending: a choice changed since is honoured). Each due notification is claimed and its
 * mail queued in the outbox in one transaction, with SKIP LOCKED: several nodes never send it twice.
 */
@Injectable()
export class NotificationEmailJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: RecurringJob;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audience: NotificationAudience,
    private readonly users: UserDirectory,
    private readonly choices: NotificationChoices,
    private readonly meetings: MeetingAudience,
  ) {
    this.job = new RecurringJob('NotificationEmails', () => this.runDueEmails(), {
      intervalMs: this.config.notifications.jobIntervalMs,
      ready: () => dataSource.isInitialized,
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /** Queues the mail of every notification due at `now` and still unread; returns how many were queued. */
  async runDueEmails(now: Date = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const { claimed, queued } = await this.runBatch(now);
      total += queued;
      if (claimed < BATCH) return total;
    }
  }

  private async runBatch(now: Date): Promise<{ claimed: number; queued: number }> {
    return this.dataSource.transaction(async (manager) => {
      // Claimed rows are marked emailed in this transaction: a failure rolls the claim back with the mail.
      const ids = await claimDueEmails(manager, now, BATCH);
      if (ids.length === 0) return { claimed: 0, queued: 0 };
      const due = await selectDueEmails(manager, ids);
      const choices = await this.choices.of(
        due.map((n) => n.userId),
        manager,
      );
      const contacts = await this.users.contactsOf(
        due.flatMap((n) => (n.actorId ? [n.userId, n.actorId] : [n.userId])),
        manager,
      );
      let queued = 0;
      const sent = new Set<string>();
      for (const n of due) {
        const recipient = contacts.get(n.userId);
        if (!recipient || recipient.disabled) continue;
        if (choices.get(n.userId)?.[n.kind].delivery !== 'email') continue;
        // Access may have ended since the mention: an email must not carry what the member can no longer read.
        if (!(await this.stillAllowed(n, manager))) continue;
        sent.add(n.id);
        await this.mail.enqueue(
          manager,
          recipient.email,
          MENTION_TEMPLATE_KINDS.has(n.kind) ? 'mention' : `notification_${n.kind}`,
          notificationMail({
            displayName: recipient.displayName,
            actorName: (n.actorId ? contacts.get(n.actorId)?.displayName : undefined) ?? 'Quelqu’un',
            kind: n.kind,
            title: n.title,
            excerpt: n.excerpt,
            url: `${this.config.publicUrl}${n.link}`,
          }),
        );
        queued++;
      }
      // Those not mailed (email no longer chosen for their kind, account disabled, access lost) are never emailed: say so.
      const skipped = ids.filter((id) => !sent.has(id));
      if (skipped.length > 0) {
        await dropDueEmails(manager, skipped);
      }
      return { claimed: ids.length, queued };
    });
  }

  private async stillAllowed(n: DueEmail, manager: Parameters<MailService['enqueue']>[0]): Promise<boolean> {
    if (n.threadId && n.groupId) {
      return (
        await this.audience.threadViewers({ id: n.threadId, groupId: n.groupId }, [n.userId], manager)
      ).has(n.userId);
    }
    if (n.ficheId && n.groupId) {
      return (await this.audience.allowedInGroup('fiche.comment', n.groupId, [n.userId], manager)).has(
        n.userId,
      );
    }
    if (n.meetingId && n.groupId) {
      const { guestIds } = await this.meetings.invitees(n.meetingId);
      return (await this.audience.meetingViewers({ groupId: n.groupId, guestIds }, [n.userId], manager)).has(
        n.userId,
      );
    }
    return false;
  }
}
