import type {
  CastVoteRequest,
  DateAnswer,
  FieldError,
  PollKind,
  ProposalPosition,
} from '@affluents/contracts';
import { badRequest } from '../../common/errors/app-error';

/** A vote as stored: only the part that fits the poll's kind is filled. */
export interface CheckedVote {
  position: ProposalPosition | null;
  optionIds: string[];
  dateAnswers: Record<string, DateAnswer>;
  reason: string | null;
}

const fail = (path: string, message: string) =>
  badRequest(message, [{ path, message }] satisfies FieldError[]);

/**
 * Checks a vote against the poll it is cast on and keeps only what the kind uses: a proposal takes a
 * position (an objection must say why), a single choice exactly one of its options, a multiple choice
 * at least one, a date poll answers for its own slots only. Throws 400 with a French message otherwise.
 */
export function checkVote(
  kind: PollKind,
  optionIds: ReadonlySet<string>,
  vote: CastVoteRequest,
): CheckedVote {
  const reason = vote.reason ? vote.reason : null;
  if (kind === 'proposal') {
    if (!vote.position) throw fail('position', 'Choisissez votre position sur la proposition');
    if (vote.position === 'block' && !reason)
      throw fail('reason', 'Une objection doit être accompagnée d’une raison');
    return { position: vote.position, optionIds: [], dateAnswers: {}, reason };
  }
  if (kind === 'dates') {
    const answers = vote.dateAnswers ?? {};
    const keys = Object.keys(answers);
    if (keys.length === 0) throw fail('dateAnswers', 'Répondez pour au moins un créneau');
    const unknown = keys.find((id) => !optionIds.has(id));
    if (unknown) throw fail(`dateAnswers.${unknown}`, 'Ce créneau n’appartient pas à ce sondage');
    return { position: null, optionIds: [], dateAnswers: answers, reason };
  }
  const chosen = [...new Set(vote.optionIds ?? [])];
  if (chosen.some((id) => !optionIds.has(id)))
    throw fail('optionIds', 'Ce choix n’appartient pas à ce sondage');
  if (kind === 'single' && chosen.length !== 1) throw fail('optionIds', 'Choisissez exactement une option');
  if (kind === 'multiple' && chosen.length === 0) throw fail('optionIds', 'Choisissez au moins une option');
  return { position: null, optionIds: chosen, dateAnswers: {}, reason };
}

/** A poll takes votes until it is closed by hand or its closing time has come (that instant included). */
export function isPollOpen(poll: { closedAt: Date | null; closesAt: Date }, now = new Date()): boolean {
  return poll.closedAt === null && poll.closesAt > now;
}

/** The quorum counts the people who voted; a poll without one always has it. */
export function quorumReached(quorum: number | null, voterCount: number): boolean {
  return quorum === null || voterCount >= quorum;
}
