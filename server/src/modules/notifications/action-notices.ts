import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { DomainEvents } from '../../common/events/domain-events';
import { MeetingAudience } from '../meetings/meeting-audience';
import { listen } from './notice-listener';
import { NotificationAudience } from './notification-audience';
import { draftsFor, Reasons } from './notification-reasons';
import { frenchDay } from './notification-text';
import { NotificationsService } from './notifications.service';

/** Notifications about follow-up actions: an action given to someone tells them, unless they took it. */
@Injectable()
export class ActionNotices implements OnModuleInit {
  private readonly logger = new Logger('ActionNotices');

  constructor(
    private readonly events: DomainEventBus,
    private readonly meetings: MeetingAudience,
    private readonly audience: NotificationAudience,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    listen(this.events, this.logger, 'action.assigned', (e) => this.notifyAssigned(e));
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
