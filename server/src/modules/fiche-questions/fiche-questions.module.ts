import { Module } from '@nestjs/common';
import { DiscussionsModule } from '../discussions/discussions.module';
import { FichesModule } from '../fiches/fiches.module';
import { FicheQuestionsController } from './fiche-questions.controller';
import { FicheQuestionsService } from './fiche-questions.service';

/** Readers' questions to the authors of a published fiche: fiches decide the reach, discussions hold the thread. */
@Module({
  imports: [DiscussionsModule, FichesModule],
  controllers: [FicheQuestionsController],
  providers: [FicheQuestionsService],
})
export class FicheQuestionsModule {}
