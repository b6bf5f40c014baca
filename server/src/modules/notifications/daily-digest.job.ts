import { type GroupKind, localDay } from '@affluents/contracts';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { groupKindLabels } from '../../common/french-labels';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { UserDirectory } from '../../identity/user-directory';
import { MailService } from '../../infra/mail/mail.service';
import { type DigestGroup, dailyDigestMail, digestLine } from '../../infra/mail/mail-templates';
import { NotificationAudience } from './notification-audience';
import {
  claimDigest,
  type DigestRow,
  selectDigestCandidates,
  selectLastDigestAt,
  selectUnreadBetween,
  selectUsersWithUnreadSince,
} from './notification-rows';

const DAY_MS = 24 * 60 * 60 * 1000;
// A digest stays readable: a few lines per group, the newest first.
const LINES_PER_GROUP = 5;

/**
 * Each morning (from DIGEST_HOUR, Brussels time), one mail per member who wants it (`dailyDigest`) with
 * what they have not read yet: their unread notifications since the previous digest (a day, the first
 * time), grouped by group, newest first, only those about what they may still see. The day's digest is
 * claimed by moving `last_digest_at` in the transaction that queues the mail, so two nodes (or two
 * ticks) never send it twice.
 */
@Injectable()
export class DailyDigestJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: RecurringJob;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audience: NotificationAudience,
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
    // Only those with something unread of the last two days can have a digest (a day since the last one).
    const due = await selectDigestCandidates(
      this.dataSource.manager,
      await selectUsersWithUnreadSince(this.dataSource.manager, new Date(now.getTime() - 2 * DAY_MS)),
      dayStart,
    );
    // Disabled accounts get no digest. Never claimed, they stay due each tick: asked about after the cheaper filter.
    const subjects = await this.users.activeSubjectsOf(due);
    let sent = 0;
    for (const [userId, subject] of subjects) {
      const previous = await selectLastDigestAt(this.dataSource.manager, userId);
      const since = previous ?? new Date(now.getTime() - DAY_MS);
      const rows = await selectUnreadBetween(this.dataSource.manager, userId, since, now);
      const readable = await this.audience.readableTopics(subject, {
        threadIds: [...new Set(rows.flatMap((r) => (r.threadId ? [r.threadId] : [])))],
        ficheIds: [...new Set(rows.flatMap((r) => (r.ficheId ? [r.ficheId] : [])))],
        meetingIds: [...new Set(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))],
      });
      const shown = rows.filter((r) =>
        r.threadId
          ? readable.threadIds.includes(r.threadId)
          : r.ficheId
            ? readable.ficheIds.includes(r.ficheId)
            : r.meetingId !== null && readable.meetingIds.includes(r.meetingId),
      );
      if (shown.length > 0 && (await this.send(userId, groupsOf(shown), now, dayStart))) sent++;
    }
    return sent;
  }

  private send(userId: string, groups: DigestGroup[], now: Date, dayStart: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await claimDigest(manager, userId, now, dayStart);
      if (!claim.claimed) return false;
      const user = (await this.users.contactsOf([userId], manager)).get(userId);
      if (!user) return false;
      await this.mail.enqueue(
        manager,
        user.email,
        'daily_digest',
        dailyDigestMail({
          displayName: user.displayName,
          groups,
          url: `${this.config.publicUrl}/nouveautes`,
        }),
      );
      return true;
    });
  }
}

/** Unread notifications (newest first) by group, the group of the newest first. */
function groupsOf(rows: DigestRow[]): DigestGroup[] {
  const groups = new Map<string, DigestGroup>();
  for (const row of rows) {
    const label =
      row.groupKind && row.bassinName
        ? `${groupKindLabels[row.groupKind as GroupKind]} — ${row.bassinName}`
        : 'Affluents';
    const group = groups.get(label) ?? { label, count: 0, lines: [] };
    group.count++;
    if (group.lines.length < LINES_PER_GROUP)
      group.lines.push(digestLine(row.kind, row.actorName, row.title));
    groups.set(label, group);
  }
  return [...groups.values()];
}
