import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { DocAccessRegistry } from '../../collab/doc-access-registry';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { IdentityModule } from '../../identity/identity.module';
import { GroupsModule } from '../groups/groups.module';
import { CollabFicheDocuments } from './fiche-documents.adapter';
import { FicheDocuments } from './fiche-documents.port';
import { FicheIndexer } from './fiche-indexer';
import { FicheReach } from './fiche-reach';
import { FicheSearchService } from './fiche-search.service';
import { FicheVersionsService } from './fiche-versions.service';
import { FichesController } from './fiches.controller';
import { FichesService } from './fiches.service';

@Module({
  imports: [CollabModule, DomainEventsModule, IdentityModule, GroupsModule],
  controllers: [FichesController],
  providers: [
    FichesService,
    FicheSearchService,
    FicheVersionsService,
    FicheIndexer,
    FicheReach,
    { provide: FicheDocuments, useClass: CollabFicheDocuments },
  ],
  // The exports module renders fiches under the same access rules and search; files follow their fiche.
  exports: [FichesService, FicheSearchService, FicheDocuments, FicheReach],
})
export class FichesModule implements OnModuleInit {
  private readonly logger = new Logger('Fiches');

  constructor(
    private readonly registry: DocAccessRegistry,
    private readonly events: DomainEventBus,
    private readonly fiches: FichesService,
    private readonly indexer: FicheIndexer,
  ) {}

  onModuleInit(): void {
    // Who may open `fiche:<id>` is decided here, by the fiche's group, not in the collab gateway.
    this.registry.register({
      prefix: 'fiche:',
      resolve: (docName, subject) => this.fiches.documentAccess(docName, subject),
    });
    // Everyone who changes the text becomes an author of the fiche.
    this.events.on('document.contributed', ({ docName, user }) => this.fiches.recordAuthor(docName, user.id));
    // Search indexing listens to stored documents; the collab persistence knows nothing about fiches.
    this.events.on('document.stored', async ({ docName }) => {
      if (!docName.startsWith('fiche:')) return;
      await this.indexer
        .refreshDocument(docName)
        .catch((err: Error) => this.logger.warn(`indexing ${docName}: ${err.message}`));
    });
  }
}
