import { Module, type OnModuleInit } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { DocAccessRegistry } from '../../collab/doc-access-registry';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { IdentityModule } from '../../identity/identity.module';
import { AuthModule } from '../auth/auth.module';
import { DiscussionsModule } from '../discussions/discussions.module';
import { GroupsModule } from '../groups/groups.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PollsModule } from '../polls/polls.module';
import { UsersModule } from '../users/users.module';
import { MeetingAccess } from './meeting-access';
import { MeetingActionsQuery } from './meeting-actions-query.service';
import { MeetingAgenda } from './meeting-agenda';
import { MeetingAudience } from './meeting-audience';
import { MeetingDatePollService } from './meeting-date-poll.service';
import { MeetingDocuments } from './meeting-documents';
import { MeetingGuestsService } from './meeting-guests.service';
import { MeetingPlanningService } from './meeting-planning.service';
import { MeetingStore } from './meeting-store';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

/**
 * Meetings of a group: planning and hosting rotation, date polls, answers, guests, and the detail
 * the other meeting modules (calendar, live, minutes) build on: they import it to inject its services;
 * the planning emits `meeting.*` domain events, which the calendar module listens to for invitations
 * and updates.
 */
@Module({
  // DiscussionsModule: a meeting's thread and its guests' grants are written by ThreadsService;
  // AuthModule issues a new guest's password link;
  // GroupsModule, OrganisationsModule and UsersModule answer about memberships, hosts and organisations.
  imports: [
    AuthModule,
    CollabModule,
    DiscussionsModule,
    DomainEventsModule,
    GroupsModule,
    IdentityModule,
    OrganisationsModule,
    PollsModule,
    UsersModule,
  ],
  controllers: [MeetingsController],
  providers: [
    MeetingAgenda,
    MeetingAccess,
    MeetingStore,
    MeetingsService,
    MeetingPlanningService,
    MeetingDatePollService,
    MeetingGuestsService,
    MeetingActionsQuery,
    MeetingDocuments,
    MeetingAudience,
  ],
  exports: [
    MeetingAccess,
    MeetingAgenda,
    MeetingAudience,
    MeetingsService,
    MeetingPlanningService,
    MeetingActionsQuery,
  ],
})
export class MeetingsModule implements OnModuleInit {
  constructor(
    private readonly registry: DocAccessRegistry,
    private readonly documents: MeetingDocuments,
  ) {}

  onModuleInit(): void {
    // Who may open a meeting's agenda and notes is decided here, by the meeting's group and guests.
    for (const prefix of ['meeting-agenda:', 'meeting-notes:']) {
      this.registry.register({
        prefix,
        resolve: (docName, subject) => this.documents.access(docName, subject),
      });
    }
  }
}
