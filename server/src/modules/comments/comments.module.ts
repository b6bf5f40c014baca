import { Module } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { FichesModule } from '../fiches/fiches.module';
import { GroupsModule } from '../groups/groups.module';
import { FicheCommentsController } from './fiche-comments.controller';
import { FicheCommentsService } from './fiche-comments.service';

/** Comments anchored in the text of fiches: threads of replies, resolution, orphaned passages. */
@Module({
  imports: [CollabModule, DomainEventsModule, FichesModule, GroupsModule],
  controllers: [FicheCommentsController],
  providers: [FicheCommentsService],
  // Exports (PDF) read the open comments to print them as numbered notes.
  exports: [FicheCommentsService],
})
export class CommentsModule {}
