import { localDay } from '@affluents/contracts';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailService } from '../../infra/mail/mail.service';
import { type DigestThread, dailyDigestMail } from '../../infra/mail/mail-templates';
import { NotificationAudience } from './notification-audience';
import { excerptOf, messageLink } from './notification-text';

const DAY_MS = 24 * 60 * 60 * 1000;
// A digest stays readable: the busiest threads first, a few lines each.
const MAX_THREADS = 15;
const LINES_PER_THREAD = 3;
const LINE_LENGTH = 100;

interface DigestMessage {
  threadId: string;
  groupId: string;
  title: string;
  seq: number;
  bodyText: string;
  authorName: string;
}

/**
 * Each morning (from DIGEST_HOUR, Brussels time), one mail per member who wants it with the new messages
 * of the threads they follow. The day's digest is claimed by moving `last_digest_at` in the transaction
 * that queues the mail, so two nodes (or two ticks) never send it twice.
 */
@Injectable()
export class DailyDigestJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: RecurringJob;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audience: NotificationAudience,
  ) {
    this.job = new RecurringJob('DailyDigest', () => this.runDigests(), {
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

  /** Sends the digests due at `now`; returns how many mails were queued. */
  async runDigests(now: Date = new Date()): Promise<number> {
    const { hour, dayStart } = localDay(now, this.config.notifications.digestTimeZone);
    if (hour < this.config.notifications.digestHour) return 0;
    // Only followers can have something to read; the others are claimed when they follow a thread.
    const candidates = (await this.dataSource.query(
      `SELECT DISTINCT f.user_id AS "userId"
         FROM thread_follows f
         JOIN users u ON u.id = f.user_id AND u.disabled_at IS NULL
         LEFT JOIN notification_preferences p ON p.user_id = f.user_id
        WHERE f.level = 'following' AND COALESCE(p.daily_digest, true)
          AND (p.last_digest_at IS NULL OR p.last_digest_at < $1)`,
      [dayStart],
    )) as Array<{ userId: string }>;
    let sent = 0;
    for (const { userId } of candidates) {
      if (await this.digestFor(userId, now, dayStart)) sent++;
    }
    return sent;
  }

  private digestFor(userId: string, now: Date, dayStart: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [previous] = (await manager.query(
        'SELECT last_digest_at AS "lastDigestAt" FROM notification_preferences WHERE user_id = $1 FOR UPDATE',
        [userId],
      )) as Array<{ lastDigestAt: Date | null }>;
      // The upsert's condition is the claim: a row claimed today (by another node too) is left alone.
      const claimed = (await manager.query(
        `INSERT INTO notification_preferences AS p (user_id, last_digest_at) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET last_digest_at = $2
          WHERE p.daily_digest AND (p.last_digest_at IS NULL OR p.last_digest_at < $3)
         RETURNING user_id`,
        [userId, now, dayStart],
      )) as unknown[];
      if (claimed.length === 0) return false;
      const since = previous?.lastDigestAt
        ? new Date(previous.lastDigestAt)
        : new Date(now.getTime() - DAY_MS);
      const threads = await this.newInFollowedThreads(manager, userId, since, now);
      if (threads.length === 0) return false;
      const [user] = (await manager.query(
        'SELECT email, display_name AS "displayName" FROM users WHERE id = $1',
        [userId],
      )) as Array<{ email: string; displayName: string }>;
      await this.mail.enqueue(
        manager,
        user.email,
        'daily_digest',
        dailyDigestMail({
          displayName: user.displayName,
          threads,
          url: `${this.config.publicUrl}/nouveautes`,
        }),
      );
      return true;
    });
  }

  /** New messages by others in the threads the member follows and may still read, by thread. */
  private async newInFollowedThreads(
    manager: EntityManager,
    userId: string,
    since: Date,
    until: Date,
  ): Promise<DigestThread[]> {
    const rows = (await manager.query(
      `SELECT t.id AS "threadId", t.group_id AS "groupId", t.title, m.seq, m.body_text AS "bodyText",
              a.display_name AS "authorName"
         FROM thread_follows f
         JOIN threads t ON t.id = f.thread_id
         JOIN messages m ON m.thread_id = t.id
         JOIN users a ON a.id = m.author_id
        WHERE f.user_id = $1 AND f.level = 'following'
          AND m.created_at > $2 AND m.created_at <= $3 AND m.author_id <> $1
          AND m.deleted_at IS NULL AND m.hidden_at IS NULL
        ORDER BY t.id, m.seq`,
      [userId, since, until],
    )) as DigestMessage[];
    const byThread = new Map<string, DigestMessage[]>();
    for (const row of rows) byThread.set(row.threadId, [...(byThread.get(row.threadId) ?? []), row]);
    const threads: DigestThread[] = [];
    for (const messages of byThread.values()) {
      const { threadId, groupId, title } = messages[0];
      const viewers = await this.audience.threadViewers({ id: threadId, groupId }, [userId], manager);
      if (!viewers.has(userId)) continue;
      threads.push({
        title,
        url: `${this.config.publicUrl}${messageLink(threadId, messages[0].seq)}`,
        count: messages.length,
        lines: messages
          .slice(0, LINES_PER_THREAD)
          .map((m) => `${m.authorName} : ${excerptOf(m.bodyText, LINE_LENGTH)}`),
      });
    }
    return threads.sort((a, b) => b.count - a.count).slice(0, MAX_THREADS);
  }
}
