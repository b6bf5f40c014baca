import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DiscussionAudience } from '../discussions/discussion-audience';
import { GroupsService } from '../groups/groups.service';
import { PollsService } from '../polls/polls.service';
import { NotificationAudience } from './notification-audience';
import { draftsFor, Reasons } from './notification-reasons';
import { excerptOf, frenchMoment, pollLink } from './notification-text';
import { NotificationsService } from './notifications.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * « A poll closes soon »: about a day before an open poll closes, the members of its thread's group who
 * may read the thread and have not voted are told, once (a recurring job; the notification's unique
 * (recipient, kind, link) makes it once across runs and nodes).
 */
@Injectable()
export class PollClosingNotices implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: RecurringJob;

  constructor(
    private readonly polls: PollsService,
    private readonly discussions: DiscussionAudience,
    private readonly groups: GroupsService,
    private readonly audience: NotificationAudience,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) config: AppConfig,
    dataSource: DataSource,
  ) {
    this.job = new RecurringJob('PollsClosing', () => this.notifyClosing(), {
      intervalMs: config.notifications.jobIntervalMs,
      ready: () => dataSource.isInitialized,
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /** Tells who has not voted in the polls closing within a day of `now`; returns how many were told. */
  async notifyClosing(now: Date = new Date()): Promise<number> {
    const closing = await this.polls.closingBetween(now, new Date(now.getTime() + DAY_MS));
    if (closing.length === 0) return 0;
    const groupOf = await this.discussions.threadGroups(closing.map((p) => p.threadId));
    const members = await this.groups.memberIds([...new Set(groupOf.values())]);
    let told = 0;
    for (const poll of closing) {
      const groupId = groupOf.get(poll.threadId);
      if (!groupId) continue;
      const reasons = new Reasons();
      reasons.add(members.get(groupId) ?? [], 'poll_closing');
      reasons.drop(poll.voterIds);
      const viewers = await this.audience.threadViewers({ id: poll.threadId, groupId }, reasons.users);
      const stored = await this.notifications.deliver(
        draftsFor(reasons, viewers, {
          actor: null,
          groupId,
          threadId: poll.threadId,
          link: pollLink(poll.threadId, poll.pollId),
          title: excerptOf(poll.question),
          excerpt: `Le vote se clôt le ${frenchMoment(poll.closesAt)} : vous n’avez pas encore voté.`,
        }),
      );
      told += stored.length;
    }
    return told;
  }
}
