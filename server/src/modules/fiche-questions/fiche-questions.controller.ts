import { AskFicheQuestionRequest, type FicheQuestions, Id, type ThreadDetail } from '@affluents/contracts';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Allow, Auth } from '../../common/auth/decorators';
import { FicheQuestionsService } from './fiche-questions.service';

@Controller('fiches/:id/questions')
export class FicheQuestionsController {
  constructor(private readonly questions: FicheQuestionsService) {}

  // Whether the fiche's publication reaches the caller is decided by the fiches service (404 otherwise).
  @Post()
  @Allow('fiche.ask')
  ask(
    @Auth() auth: AuthContext,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: AskFicheQuestionRequest }) body: AskFicheQuestionRequest,
  ): Promise<ThreadDetail> {
    return this.questions.ask(id, body, auth.subject);
  }

  @Get()
  list(@Auth() auth: AuthContext, @Param('id', { schema: Id }) id: string): Promise<FicheQuestions> {
    return this.questions.list(id, auth.subject);
  }
}
