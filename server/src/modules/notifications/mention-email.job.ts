import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailService } from '../../infra/mail/mail.service';
import { mentionMail } from '../../infra/mail/mail-templates';
import { NotificationAudience } from './notification-audience';
import { EMAILED_KINDS } from './notifications.service';

const BATCH = 50;

interface DueMention {
  id: string;
  userId: string;
  kind: 'mention' | 'group_mention' | 'comment_mention' | 'fiche_mention';
  groupId: string | null;
  threadId: string | null;
  ficheId: string | null;
  link: string;
  title: string;
  excerpt: string;
  email: string;
  displayName: string;
  actorName: string | null;
}

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
      const claimed = (await manager.query(
        `UPDATE notifications SET emailed_at = now()
          WHERE id IN (SELECT n.id FROM notifications n
                        WHERE n.email_due_at <= $1 AND n.emailed_at IS NULL AND n.read_at IS NULL
                          AND n.kind = ANY($2::text[])
                        ORDER BY n.email_due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [now, EMAILED_KINDS, BATCH],
      )) as unknown[];
      const ids = (Array.isArray(claimed[0]) ? (claimed[0] as unknown[]) : claimed) as Array<{ id: string }>;
      if (ids.length === 0) return { claimed: 0, queued: 0 };
      const due = (await manager.query(
        `SELECT n.id, n.user_id AS "userId", n.kind, n.group_id AS "groupId", n.thread_id AS "threadId",
                n.fiche_id AS "ficheId", n.link, n.title, n.excerpt, u.email, u.display_name AS "displayName",
                a.display_name AS "actorName"
           FROM notifications n
           JOIN users u ON u.id = n.user_id AND u.disabled_at IS NULL
           LEFT JOIN users a ON a.id = n.actor_id
           LEFT JOIN notification_preferences p ON p.user_id = n.user_id
          WHERE n.id = ANY($1::uuid[]) AND COALESCE(p.email_mentions, true)`,
        [ids.map((r) => r.id)],
      )) as DueMention[];
      let queued = 0;
      const sent = new Set<string>();
      for (const n of due) {
        // Access may have ended since the mention: an email must not carry what the member can no longer read.
        if (!(await this.stillAllowed(n, manager))) continue;
        sent.add(n.id);
        await this.mail.enqueue(
          manager,
          n.email,
          'mention',
          mentionMail({
            displayName: n.displayName,
            actorName: n.actorName ?? 'Quelqu’un',
            kind: n.kind,
            title: n.title,
            excerpt: n.excerpt,
            url: `${this.config.publicUrl}${n.link}`,
          }),
        );
        queued++;
      }
      // Those not mailed (emails turned off, account disabled, access lost) are never emailed: say so.
      const skipped = ids.map((r) => r.id).filter((id) => !sent.has(id));
      if (skipped.length > 0) {
        await manager.query(
          'UPDATE notifications SET email_due_at = NULL, emailed_at = NULL WHERE id = ANY($1::uuid[])',
          [skipped],
        );
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
