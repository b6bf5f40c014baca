import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { UserDirectory } from '../../identity/user-directory';
import { MailService } from '../../infra/mail/mail.service';
import { mentionMail } from '../../infra/mail/mail-templates';
import { NotificationAudience } from './notification-audience';
import { claimDueEmails, type DueMention, dropDueEmails, selectDueMentions } from './notification-rows';
import { EMAILED_KINDS } from './notifications.service';

const BATCH = 50;

/**
 * Emails mentions still unread when their delay has passed. Each due notification is claimed and its
 * mail queued in the outbox in one transaction, with SKIP LOCKED: several nodes never send it twice.
 */
@Injectable()
export class MentionEmailJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: RecurringJob;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audience: NotificationAudience,
    private readonly users: UserDirectory,
  ) {
    this.job = new RecurringJob('MentionEmails', () => this.runDueEmails(), {
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

  /** Queues the mail of every mention due at `now` and still unread; returns how many were queued. */
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
      const ids = await claimDueEmails(manager, now, EMAILED_KINDS, BATCH);
      if (ids.length === 0) return { claimed: 0, queued: 0 };
      const due = await selectDueMentions(manager, ids);
      const contacts = await this.users.contactsOf(
        due.flatMap((n) => (n.actorId ? [n.userId, n.actorId] : [n.userId])),
        manager,
      );
      let queued = 0;
      const sent = new Set<string>();
      for (const n of due) {
        const recipient = contacts.get(n.userId);
        if (!recipient || recipient.disabled) continue;
        // Access may have ended since the mention: an email must not carry what the member can no longer read.
        if (!(await this.stillAllowed(n, manager))) continue;
        sent.add(n.id);
        await this.mail.enqueue(
          manager,
          recipient.email,
          'mention',
          mentionMail({
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
      // Those not mailed (emails turned off, account disabled, access lost) are never emailed: say so.
      const skipped = ids.filter((id) => !sent.has(id));
      if (skipped.length > 0) {
        await dropDueEmails(manager, skipped);
      }
      return { claimed: ids.length, queued };
    });
  }

  private async stillAllowed(
    n: DueMention,
    manager: Parameters<MailService['enqueue']>[0],
  ): Promise<boolean> {
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
    return false;
  }
}
