import { Module } from '@nestjs/common';
import { DailyDigestJob } from './daily-digest.job';
import { MentionEmailJob } from './mention-email.job';
import { NotificationAudience } from './notification-audience';
import { NotificationsController } from './notifications.controller';
import { NotificationsNotifier } from './notifications.notifier';
import { NotificationsService } from './notifications.service';
import { Notifier } from './notifier';

/**
 * In-app notifications (stored, pushed live to `user:<id>`), mention emails and the daily digest.
 * Discussions, polls, comments and fiche mentions import it and inject the `Notifier` to report what
 * happened.
 */
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationAudience,
    NotificationsNotifier,
    { provide: Notifier, useExisting: NotificationsNotifier },
    MentionEmailJob,
    DailyDigestJob,
  ],
  exports: [Notifier, NotificationsService],
})
export class NotificationsModule {}
