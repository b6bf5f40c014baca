import { Module, type OnModuleInit } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { DocAccessRegistry } from '../../collab/doc-access-registry';
import { PollsModule } from '../polls/polls.module';
import { SessionAccess } from './session-access';
import { SessionActionsQuery } from './session-actions-query.service';
import { SessionDatePollService } from './session-date-poll.service';
import { SessionDocuments } from './session-documents';
import { SessionEvents } from './session-events';
import { SessionGuestsService } from './session-guests.service';
import { SessionPlanningService } from './session-planning.service';
import { SessionStore } from './session-store';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

/**
 * Sessions of a group: planning and hosting rotation, date polls, answers, guests, and the detail
 * the other session modules (calendar, live, minutes) build on: they import it to inject its services;
 * the calendar module subscribes to SessionEvents to send invitations and updates.
 */
@Module({
  imports: [CollabModule, PollsModule],
  controllers: [SessionsController],
  providers: [
    SessionAccess,
    SessionEvents,
    SessionStore,
    SessionsService,
    SessionPlanningService,
    SessionDatePollService,
    SessionGuestsService,
    SessionActionsQuery,
    SessionDocuments,
  ],
  exports: [SessionAccess, SessionEvents, SessionsService, SessionPlanningService, SessionActionsQuery],
})
export class SessionsModule implements OnModuleInit {
  constructor(
    private readonly registry: DocAccessRegistry,
    private readonly documents: SessionDocuments,
  ) {}

  onModuleInit(): void {
    // Who may open a session's agenda and notes is decided here, by the session's group and guests.
    for (const prefix of ['session-agenda:', 'session-notes:']) {
      this.registry.register({
        prefix,
        resolve: (docName, subject) => this.documents.access(docName, subject),
      });
    }
  }
}
