import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { CollabModule } from './collab/collab.module';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { requestId } from './common/http/request-id';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AccessGuard } from './identity/access.guard';
import { IdentityModule } from './identity/identity.module';
import { DatabaseModule } from './infra/database/database.module';
import type { OpenDatabase } from './infra/database/database.service';
import { MailModule } from './infra/mail/mail.module';
import { RedisModule } from './infra/redis/redis.module';
import { ActivityModule } from './modules/activity/activity.module';
import { AuthModule } from './modules/auth/auth.module';
import { BassinsModule } from './modules/bassins/bassins.module';
import { CommentsModule } from './modules/comments/comments.module';
import { DiscussionsModule } from './modules/discussions/discussions.module';
import { ExportsModule } from './modules/exports/exports.module';
import { FicheMentionsModule } from './modules/fiche-mentions/fiche-mentions.module';
import { FicheQuestionsModule } from './modules/fiche-questions/fiche-questions.module';
import { FichesModule } from './modules/fiches/fiches.module';
import { FilesModule } from './modules/files/files.module';
import { GroupsModule } from './modules/groups/groups.module';
import { HealthModule } from './modules/health/health.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { MeetingCalendarModule } from './modules/meetings/calendar/meeting-calendar.module';
import { MeetingLiveModule } from './modules/meetings/live/meeting-live.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { MeetingMinutesModule } from './modules/meetings/minutes/meeting-minutes.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PollsModule } from './modules/polls/polls.module';
import { PushModule } from './modules/push/push.module';
import { UsersModule } from './modules/users/users.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SeedModule } from './seed/seed.module';

/** The application, assembled from an already-parsed config and an already-opened database. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: OpenDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestId,
            // Health probes from load balancers would drown the log.
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
          },
        }),
        DatabaseModule.forRoot(database),
        RedisModule,
        MailModule,
        IdentityModule,
        AuthModule,
        UsersModule,
        BassinsModule,
        GroupsModule,
        OrganisationsModule,
        InvitationsModule,
        CollabModule,
        FichesModule,
        FilesModule,
        RealtimeModule,
        NotificationsModule,
        PushModule,
        DiscussionsModule,
        PollsModule,
        CommentsModule,
        ExportsModule,
        MeetingsModule,
        MeetingCalendarModule,
        MeetingLiveModule,
        MeetingMinutesModule,
        FicheMentionsModule,
        FicheQuestionsModule,
        ActivityModule,
        HealthModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
