import {
  ListNotificationsQuery,
  MarkNotificationsReadRequest,
  type MarkNotificationsReadResult,
  type NotificationPage,
  NotificationPreferences,
} from '@affluents/contracts';
import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { NotificationsService } from './notifications.service';

/**
 * The signed-in member's own notifications and preferences. Every query is scoped to the caller's user
 * id (nobody reads or changes another member's notifications), and the list and its unread count keep
 * only notifications about what the caller may still read.
 */
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  list(
    @Auth() auth: AuthContext,
    @Query({ schema: ListNotificationsQuery }) query: ListNotificationsQuery,
  ): Promise<NotificationPage> {
    return this.notifications.list(auth.subject, query);
  }

  @Post('notifications/read')
  @HttpCode(200)
  markRead(
    @Auth() auth: AuthContext,
    @Body({ schema: MarkNotificationsReadRequest }) body: MarkNotificationsReadRequest,
  ): Promise<MarkNotificationsReadResult> {
    return this.notifications.markRead(auth.subject, body);
  }

  @Get('me/notification-preferences')
  preferences(@Auth() auth: AuthContext): Promise<NotificationPreferences> {
    return this.notifications.preferences(auth.user.id);
  }

  @Put('me/notification-preferences')
  setPreferences(
    @Auth() auth: AuthContext,
    @Body({ schema: NotificationPreferences }) body: NotificationPreferences,
  ): Promise<NotificationPreferences> {
    return this.notifications.setPreferences(auth.user.id, body);
  }
}
