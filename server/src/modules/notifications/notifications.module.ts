import { Module } from '@nestjs/common';

/** In-app notifications, mention emails and the daily digest (built next). */
@Module({})
export class NotificationsModule {}
