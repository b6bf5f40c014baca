import { z } from 'zod';
import { FreeText, Id, Label, Timestamp } from './common';
import { PersonRef } from './discussions';

/**
 * Polls carried by a thread, as in Loomio: a proposal (consent), a single or multiple choice, and a
 * date poll (time slots answered yes / if needed / no) that meetings use to fix a meeting date.
 */
export const pollKinds = ['proposal', 'single', 'multiple', 'dates'] as const;
export const PollKind = z.enum(pollKinds);
export type PollKind = z.infer<typeof PollKind>;

/** Positions on a proposal. An objection blocks consent and needs a reason. */
export const proposalPositions = ['agree', 'abstain', 'disagree', 'block'] as const;
export const ProposalPosition = z.enum(proposalPositions);
export type ProposalPosition = z.infer<typeof ProposalPosition>;

export const dateAnswers = ['yes', 'maybe', 'no'] as const;
export const DateAnswer = z.enum(dateAnswers);
export type DateAnswer = z.infer<typeof DateAnswer>;

export const PollOption = z.object({
  id: Id,
  label: z.string(),
  /** Date polls: the slot, in UTC (shown in Europe/Brussels). */
  startsAt: Timestamp.nullable(),
  endsAt: Timestamp.nullable(),
});
export type PollOption = z.infer<typeof PollOption>;

/** Tally of one option (or one proposal position). `maybe` counts only for date polls. */
export const PollTally = z.object({
  key: z.string(),
  yes: z.number().int(),
  maybe: z.number().int(),
});
export type PollTally = z.infer<typeof PollTally>;

export const PollVote = z.object({
  voter: PersonRef,
  /** Proposal: the position; choices: option ids; dates: option id -> answer. */
  position: ProposalPosition.nullable(),
  optionIds: z.array(Id),
  dateAnswers: z.record(z.string(), DateAnswer),
  reason: z.string().nullable(),
  votedAt: Timestamp,
});
export type PollVote = z.infer<typeof PollVote>;

export const Poll = z.object({
  id: Id,
  threadId: Id,
  kind: PollKind,
  question: z.string(),
  details: z.string().nullable(),
  options: z.array(PollOption),
  closesAt: Timestamp,
  /** Minimum number of voters for the outcome to count; null when none. */
  quorum: z.number().int().nullable(),
  closedAt: Timestamp.nullable(),
  outcome: z.string().nullable(),
  author: PersonRef,
  createdAt: Timestamp,
  voterCount: z.number().int(),
  /** Number of people who may vote (members of the group). */
  electorate: z.number().int(),
  quorumReached: z.boolean(),
  tallies: z.array(PollTally),
  votes: z.array(PollVote),
  myVote: PollVote.nullable(),
  canClose: z.boolean(),
});
export type Poll = z.infer<typeof Poll>;

const PollOptionInput = z.object({
  label: Label(200).optional(),
  startsAt: Timestamp.optional(),
  endsAt: Timestamp.optional(),
});

/** `POST /api/threads/:id/polls` */
export const CreatePollRequest = z
  .object({
    kind: PollKind,
    question: Label(300),
    details: FreeText().trim().max(4000).optional(),
    /** Choices (single, multiple) or slots (dates); ignored for a proposal. */
    options: z.array(PollOptionInput).max(30).default([]),
    closesAt: Timestamp,
    quorum: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
  .superRefine((poll, ctx) => {
    if (poll.kind === 'single' || poll.kind === 'multiple') {
      if (poll.options.length < 2 || poll.options.some((o) => !o.label))
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'Au moins deux choix avec un libellé' });
    }
    if (poll.kind === 'dates') {
      if (poll.options.length < 1 || poll.options.some((o) => !o.startsAt))
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'Au moins un créneau avec une date' });
      for (const [i, o] of poll.options.entries()) {
        if (o.startsAt && o.endsAt && o.endsAt <= o.startsAt)
          ctx.addIssue({ code: 'custom', path: ['options', i, 'endsAt'], message: 'La fin suit le début' });
      }
    }
  });
export type CreatePollRequest = z.infer<typeof CreatePollRequest>;

/** `POST /api/polls/:id/votes`: one vote per person, replaced when sent again. */
export const CastVoteRequest = z
  .object({
    position: ProposalPosition.optional(),
    optionIds: z.array(Id).max(30).optional(),
    dateAnswers: z.record(Id, DateAnswer).optional(),
    reason: FreeText().trim().max(2000).optional(),
  })
  .strict();
export type CastVoteRequest = z.infer<typeof CastVoteRequest>;

/** `POST /api/polls/:id/close` by its author or a facilitator, with the outcome statement. */
export const ClosePollRequest = z.object({ outcome: Label(4000) }).strict();
export type ClosePollRequest = z.infer<typeof ClosePollRequest>;

/** `GET /api/me/polls`: an open poll of a thread I may read, where I may vote and have not voted yet. */
export const AwaitingPoll = z.object({
  poll: Poll,
  groupId: Id,
  /** The thread that carries it (a meeting's date poll is in the meeting's thread). */
  threadTitle: z.string(),
});
export type AwaitingPoll = z.infer<typeof AwaitingPoll>;
