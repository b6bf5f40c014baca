import { BRUSSELS_TIME_ZONE } from '@affluents/contracts';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { DomainEvents } from '../../common/events/domain-events';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MeetingAudience } from '../meetings/meeting-audience';
import { listen } from './notice-listener';
import { NotificationAudience } from './notification-audience';
import { draftsFor, Reasons } from './notification-reasons';
import { frenchDay } from './notification-text';
import { NotificationsService } from './notifications.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Brussels calendar day of an instant, as an ISO date. */
const brusselsDay = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: BRUSSELS_TIME_ZONE }).format(instant);

/**
 * Notifications about follow-up actions: an action given to someone tells them, unless they took it; an
 * open action due within NOTIFY_ACTION_DUE_DAYS tells its owner, once (a recurring job; the notification's
 * unique (recipient, kind, link) makes it once across runs and nodes).
 */
@Injectable()
export class ActionNotices implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ActionNotices');
  private readonly job: RecurringJob;

  constructor(
    private readonly events: DomainEventBus,
    private readonly meetings: MeetingAudience,
    private readonly audience: NotificationAudience,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    dataSource: DataSource,
  ) {
    this.job = new RecurringJob('ActionsDue', () => this.notifyDue(), {
      intervalMs: this.config.notifications.jobIntervalMs,
      ready: () => dataSource.isInitialized,
    });
  }

  onModuleInit(): void {
    listen(this.events, this.logger, 'action.assigned', (e) => this.notifyAssigned(e));
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /** Tells the owners of open actions due from today to NOTIFY_ACTION_DUE_DAYS days on; returns how many. */
  async notifyDue(now: Date = new Date()): Promise<number> {
    const due = await this.meetings.actionsDueBetween(
      brusselsDay(now),
      brusselsDay(new Date(now.getTime() + this.config.notifications.actionDueDays * DAY_MS)),
    );
    let told = 0;
    for (const action of due) {
      const { guestIds } = await this.meetings.invitees(action.meetingId);
      const reasons = new Reasons();
      reasons.add([action.ownerId], 'action_due');
      const allowed = await this.audience.meetingViewers(
        { groupId: action.groupId, guestIds },
        reasons.users,
      );
      const stored = await this.notifications.deliver(
        draftsFor(reasons, allowed, {
          actor: null,
          groupId: action.groupId,
          meetingId: action.meetingId,
          // One per action: the recipient's (kind, link) is stored once.
          link: `/rencontres/${action.meetingId}?action=${action.actionId}`,
          title: action.title,
          excerpt: `À faire pour le ${frenchDay(action.dueOn)}.`,
        }),
      );
      told += stored.length;
    }
    return told;
  }

  private async notifyAssigned(e: DomainEvents['action.assigned']): Promise<void> {
    const reasons = new Reasons();
    reasons.add([e.ownerId], 'action_assigned');
    if (e.actor) reasons.drop([e.actor.id]);
    const { guestIds } = await this.meetings.invitees(e.meetingId);
    const allowed = await this.audience.meetingViewers({ groupId: e.groupId, guestIds }, reasons.users);
    await this.notifications.deliver(
      draftsFor(reasons, allowed, {
        actor: e.actor,
        groupId: e.groupId,
        meetingId: e.meetingId,
        link: e.link,
        title: e.title,
        excerpt: e.dueOn ? `À faire pour le ${frenchDay(e.dueOn)}.` : 'Une action vous est confiée.',
      }),
    );
  }
}
