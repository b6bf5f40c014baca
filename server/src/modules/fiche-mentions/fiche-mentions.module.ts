import { Module, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { FichesModule } from '../fiches/fiches.module';
import { FicheTextMentionsService } from './fiche-text-mentions.service';

/**
 * Mentions of members in the text of fiches: listens to the documents' domain events and emits
 * `fiche-text.mentioned`; the collab persistence and the fiches module know nothing of it. (Mentions in
 * comments are the comments module's.)
 */
@Module({
  imports: [DomainEventsModule, FichesModule],
  providers: [FicheTextMentionsService],
})
export class FicheMentionsModule implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly mentions: FicheTextMentionsService,
  ) {}

  onModuleInit(): void {
    this.events.on('document.contributed', ({ docName, user }) => this.mentions.contributed(docName, user));
    this.events.on('document.stored', ({ docName }) => this.mentions.stored(docName));
  }
}
