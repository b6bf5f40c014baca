import { localDay } from '@affluents/contracts';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { UserDirectory } from '../../identity/user-directory';
import { MailService } from '../../infra/mail/mail.service';
import { type DigestThread, dailyDigestMail } from '../../infra/mail/mail-templates';
import { DiscussionAudience, type FollowedThreadMessage } from '../discussions/discussion-audience';
import { NotificationAudience } from './notification-audience';
import { claimDigest, selectDigestCandidates } from './notification-rows';
import { excerptOf, messageLink } from './notification-text';

const DAY_MS = 24 * 60 * 60 * 1000;
// A digest stays readable: the busiest threads first, a few lines each.
const MAX_THREADS = 15;
const LINES_PER_THREAD = 3;
const LINE_LENGTH = 100;

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
    private readonly discussions: DiscussionAudience,
    private readonly users: UserDirectory,
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
    const due = await selectDigestCandidates(
      this.dataSource.manager,
      await this.discussions.threadFollowerIds(),
      dayStart,
    );
    // Disabled accounts get no digest. Never claimed, they stay due each tick: asked about after the cheaper filter.
    const contacts = await this.users.contactsOf(due);
    const candidates = due.filter((userId) => contacts.get(userId)?.disabled === false);
    let sent = 0;
    for (const userId of candidates) {
      if (await this.digestFor(userId, now, dayStart)) sent++;
    }
    return sent;
  }

  private digestFor(userId: string, now: Date, dayStart: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await claimDigest(manager, userId, now, dayStart);
      if (!claim.claimed) return false;
      const since = claim.previous ?? new Date(now.getTime() - DAY_MS);
      const threads = await this.newInFollowedThreads(manager, userId, since, now);
      if (threads.length === 0) return false;
      const user = (await this.users.contactsOf([userId], manager)).get(userId);
      if (!user) return false;
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
    const rows = await this.discussions.newInFollowedThreads(userId, since, until, manager);
    const byThread = new Map<string, FollowedThreadMessage[]>();
    for (const row of rows) byThread.set(row.threadId, [...(byThread.get(row.threadId) ?? []), row]);
    // Whether the member may still read each thread: one ask for all of them.
    const viewers = await this.audience.threadsViewers(
      [...byThread.values()].map((messages) => ({
        thread: { id: messages[0].threadId, groupId: messages[0].groupId },
        userIds: [userId],
      })),
      manager,
    );
    const threads: DigestThread[] = [];
    for (const messages of byThread.values()) {
      const { threadId, title } = messages[0];
      if (!viewers.get(threadId)?.has(userId)) continue;
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
