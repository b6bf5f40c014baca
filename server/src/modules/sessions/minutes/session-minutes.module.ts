import { Module } from '@nestjs/common';
import { CollabModule } from '../../../collab/collab.module';
import { DiscussionsModule } from '../../discussions/discussions.module';
import { FichesModule } from '../../fiches/fiches.module';
import { SessionsModule } from '../sessions.module';
import { FicheMinutesController, SessionMinutesController } from './session-minutes.controller';
import { SessionMinutesService } from './session-minutes.service';

/** Minutes of a session: review with amendments, frozen publication, PDF, links from the fiches. */
@Module({
  imports: [CollabModule, DiscussionsModule, FichesModule, SessionsModule],
  controllers: [SessionMinutesController, FicheMinutesController],
  providers: [SessionMinutesService],
})
export class SessionMinutesModule {}
