import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { IdentityModule } from '../../identity/identity.module';
import { DiscussionsModule } from '../discussions/discussions.module';
import { FichesModule } from '../fiches/fiches.module';
import { GroupsModule } from '../groups/groups.module';
import { DailyDigestJob } from './daily-digest.job';
import { MentionEmailJob } from './mention-email.job';
import { NotificationAudience } from './notification-audience';
import { NotificationsController } from './notifications.controller';
import { NotificationsNotifier } from './notifications.notifier';
import { NotificationsService } from './notifications.service';

/**
 * In-app notifications (stored, pushed live to `user:<id>`), mention emails and the daily digest. The
 * notifier listens to the domain events of their causes (`message.posted`, `comment.posted`,
 * `fiche-text.mentioned`, `poll.opened`, `poll.closed`, `thread.read`); no feature calls this module.
 */
@Module({
  // Who may read what is asked of its owners: identity (subjects), discussions (threads, follows, grants,
  // messages), fiches (their groups), groups (members); notifications read none of their tables.
  imports: [DomainEventsModule, IdentityModule, DiscussionsModule, FichesModule, GroupsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationAudience,
    NotificationsNotifier,
    MentionEmailJob,
    DailyDigestJob,
  ],
})
export class NotificationsModule {}
