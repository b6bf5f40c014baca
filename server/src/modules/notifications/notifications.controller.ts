import {
  ListNotificationsQuery,
  MarkNotificationsReadRequest,
  type MarkNotificationsReadResult,
  type NotificationPage,
  type NotificationPreferences,
  routes,
  UpdateNotificationPreferencesRequest,
} from '@affluents/contracts';
import { Body, Controller, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { NotificationsService } from './notifications.service';

const r = routes.notifications;

/**
 * The signed-in member's own notifications and preferences. Every query is scoped to the caller's user
 * id (nobody reads or changes another member's notifications), and the list and its unread count keep
 * only notifications about what the caller may still read.
 */
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Route(r.list)
  list(@Auth() auth: AuthContext, @Query() query: ListNotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(auth.subject, query);
  }

  @Route(r.markRead)
  markRead(
    @Auth() auth: AuthContext,
    @Body() body: MarkNotificationsReadRequest,
  ): Promise<MarkNotificationsReadResult> {
    return this.notifications.markRead(auth.subject, body);
  }

  @Route(r.preferences)
  preferences(@Auth() auth: AuthContext): Promise<NotificationPreferences> {
    return this.notifications.preferences(auth.user.id);
  }

  @Route(r.setPreferences)
  setPreferences(
    @Auth() auth: AuthContext,
    @Body() body: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferences> {
    return this.notifications.setPreferences(auth.user.id, body);
  }
}
