import type { NotificationKind } from '@affluents/contracts';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { GroupNotice } from '../../common/events/domain-events';
import { GroupsService } from '../groups/groups.service';
import { listen } from './notice-listener';
import { NotificationAudience } from './notification-audience';
import { draftsFor, Reasons } from './notification-reasons';
import { NotificationsService } from './notifications.service';

/**
 * Notifications about a fiche's life in its group: sent for review, published. The group's members and
 * the fiche's authors hear of it (those who may comment it, as for its comments); the actor never does.
 */
@Injectable()
export class FicheNotices implements OnModuleInit {
  private readonly logger = new Logger('FicheNotices');

  constructor(
    private readonly events: DomainEventBus,
    private readonly groups: GroupsService,
    private readonly audience: NotificationAudience,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    listen(this.events, this.logger, 'fiche.review-requested', (e) =>
      this.notify(e, 'fiche_review', 'La fiche est soumise à la relecture du groupe.'),
    );
    listen(this.events, this.logger, 'fiche.published', (e) =>
      this.notify(e, 'fiche_published', 'Une nouvelle version de la fiche est publiée.'),
    );
  }

  private async notify(
    e: GroupNotice & { ficheId: string; authorIds: string[] },
    kind: NotificationKind,
    excerpt: string,
  ): Promise<void> {
    const members = (await this.groups.memberIds([e.groupId])).get(e.groupId) ?? [];
    const reasons = new Reasons();
    reasons.add([...members, ...e.authorIds], kind);
    if (e.actor) reasons.drop([e.actor.id]);
    const allowed = await this.audience.allowedInGroup('fiche.comment', e.groupId, reasons.users);
    await this.notifications.deliver(
      draftsFor(reasons, allowed, {
        actor: e.actor,
        groupId: e.groupId,
        ficheId: e.ficheId,
        link: e.link,
        title: e.title,
        excerpt,
      }),
    );
  }
}
