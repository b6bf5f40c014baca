import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { IdentityModule } from '../../identity/identity.module';
import { DiscussionsModule } from '../discussions/discussions.module';
import { FichesModule } from '../fiches/fiches.module';
import { GroupsModule } from '../groups/groups.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { PollsModule } from '../polls/polls.module';
import { ActionNotices } from './action-notices';
import { DailyDigestJob } from './daily-digest.job';
import { FicheNotices } from './fiche-notices';
import { MeetingNotices } from './meeting-notices';
import { NotificationAudience } from './notification-audience';
import { NotificationChoicesModule } from './notification-choices.module';
import { NotificationEmailJob } from './notification-email.job';
import { NotificationsController } from './notifications.controller';
import { NotificationsNotifier } from './notifications.notifier';
import { NotificationsService } from './notifications.service';
import { PollClosingNotices } from './poll-closing-notices';

/**
 * In-app notifications (stored, pushed live to `user:<id>`), their emails and the daily digest. The
 * notifiers listen to the domain events of their causes: NotificationsNotifier (`message.posted`,
 * `comment.posted`, `fiche-text.mentioned`, `poll.opened`, `poll.closed`, `thread.read`), MeetingNotices
 * (`meeting.*`, `minutes.*`), FicheNotices (`fiche.review-requested`, `fiche.published`), ActionNotices
 * (`action.assigned`, and actions due soon), PollClosingNotices (polls closing within a day); no feature
 * calls this module.
 */
@Module({
  // Who may read what is asked of its owners: identity (subjects), discussions (threads, follows, grants,
  // messages), fiches (their groups), groups (members), meetings (invitees, guests); notifications read
  // none of their tables. Preferences are their own module, also read by the meetings' mailer.
  imports: [
    DomainEventsModule,
    IdentityModule,
    DiscussionsModule,
    FichesModule,
    GroupsModule,
    MeetingsModule,
    NotificationChoicesModule,
    PollsModule,
  ],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationAudience,
    NotificationsNotifier,
    MeetingNotices,
    FicheNotices,
    ActionNotices,
    PollClosingNotices,
    NotificationEmailJob,
    DailyDigestJob,
  ],
})
export class NotificationsModule {}
