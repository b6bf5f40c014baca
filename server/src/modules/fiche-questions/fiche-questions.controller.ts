import {
  AskFicheQuestionRequest,
  type FicheQuestions,
  routes,
  type ThreadDetail,
} from '@affluents/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { FicheQuestionsService } from './fiche-questions.service';

const r = routes.ficheQuestions;

@Controller()
export class FicheQuestionsController {
  constructor(private readonly questions: FicheQuestionsService) {}

  // Whether the fiche's publication reaches the caller is decided by the fiches service (404 otherwise).
  @Route(r.ask)
  ask(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: AskFicheQuestionRequest,
  ): Promise<ThreadDetail> {
    return this.questions.ask(id, body, auth.subject);
  }

  @Route(r.list)
  list(@Auth() auth: AuthContext, @Param('id') id: string): Promise<FicheQuestions> {
    return this.questions.list(id, auth.subject);
  }
}
