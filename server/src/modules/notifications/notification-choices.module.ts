import { Module } from '@nestjs/common';
import { NotificationChoices } from './notification-choices';

/**
 * Members' notification preferences alone, for the channels that live outside the notifications module
 * (the meetings' mails with their calendar files): importing it brings no dependency along.
 */
@Module({ providers: [NotificationChoices], exports: [NotificationChoices] })
export class NotificationChoicesModule {}
