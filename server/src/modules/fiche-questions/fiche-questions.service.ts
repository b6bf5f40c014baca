import type { AskFicheQuestionRequest, FicheQuestions, Subject, ThreadDetail } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { rateLimited } from '../../common/errors/app-error';
import { SharedRateLimit } from '../../realtime/shared-rate-limit';
import { ThreadsService } from '../discussions/threads.service';
import { FichesService } from '../fiches/fiches.service';

/** Questions one person may ask within the window, across all fiches: readers ask, they do not flood. */
export const QUESTIONS_PER_WINDOW = 5;
const WINDOW_MS = 10 * 60_000;

/**
 * Readers' questions to the authors of a published fiche: a thread of kind `question` in the fiche's group,
 * about the fiche, followed by its authors. A reader outside the group gets a guest grant on that one
 * thread, so they read and answer there and see nothing else of the group.
 */
@Injectable()
export class FicheQuestionsService {
  // Counted per node: a determined asker spread over nodes gets a few more, which is harmless here.
  private readonly limit = new SharedRateLimit({
    points: QUESTIONS_PER_WINDOW,
    windowMs: WINDOW_MS,
    store: null,
    storeKey: (userId, window) => `${userId}:${window}`,
  });

  constructor(
    private readonly fiches: FichesService,
    private readonly threads: ThreadsService,
  ) {}

  /** Opens the question's thread; 404 when the fiche is not published or out of the caller's reach. */
  async ask(ficheId: string, input: AskFicheQuestionRequest, subject: Subject): Promise<ThreadDetail> {
    const fiche = await this.fiches.askableFiche(ficheId, subject);
    const decision = this.limit.consume(subject.userId);
    if (!decision.allowed) {
      const minutes = Math.max(1, Math.ceil(decision.msBeforeNext / 60_000));
      throw rateLimited(`Trop de questions envoyées. Réessayez dans ${minutes} minute(s).`);
    }
    const member = subject.memberships.some((m) => m.groupId === fiche.groupId);
    return this.threads.open(fiche.groupId, { kind: 'question', ...input }, subject, {
      about: { type: 'fiche', id: fiche.id },
      asGuest: !member,
      followers: fiche.authorIds,
    });
  }

  /** The questions on the fiche the caller may read (all of them for its group, their own for others). */
  async list(ficheId: string, subject: Subject): Promise<FicheQuestions> {
    await this.fiches.askableFiche(ficheId, subject);
    return this.threads.questionsAbout(ficheId, subject);
  }
}
