import { Module, type OnModuleInit } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { CollabEvents } from '../../collab/collab-events';
import { FichesModule } from '../fiches/fiches.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { FicheTextMentionsService } from './fiche-text-mentions.service';

/**
 * Mentions of members in the text of fiches: listens to the documents' events, the collab persistence
 * and the fiches module know nothing of it. (Mentions in comments are the comments module's.)
 */
@Module({
  imports: [CollabModule, FichesModule, NotificationsModule],
  providers: [FicheTextMentionsService],
})
export class FicheMentionsModule implements OnModuleInit {
  constructor(
    private readonly events: CollabEvents,
    private readonly mentions: FicheTextMentionsService,
  ) {}

  onModuleInit(): void {
    this.events.onContributed((docName, userId) => this.mentions.contributed(docName, userId));
    this.events.onStored((docName) => this.mentions.stored(docName));
  }
}
