import {
  type DateAnswer,
  type Poll,
  type PollKind,
  type PollOption,
  type PollTally,
  type PollVote,
  type ProposalPosition,
  proposalPositions,
} from '@affluents/contracts';
import { quorumReached } from './vote-rules';

export interface PollRow {
  id: string;
  threadId: string;
  kind: PollKind;
  question: string;
  details: string | null;
  closesAt: Date;
  quorum: number | null;
  closedAt: Date | null;
  outcome: string | null;
  authorId: string;
  authorName: string;
  createdAt: Date;
}

export interface OptionRow {
  id: string;
  pollId: string;
  label: string;
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface VoteRow {
  pollId: string;
  userId: string;
  displayName: string;
  position: ProposalPosition | null;
  optionIds: string[];
  dateAnswers: Record<string, DateAnswer>;
  reason: string | null;
  votedAt: Date;
}

/** What depends on who is looking: their own vote and whether they may close the poll. */
export interface Viewer {
  userId: string | null;
  mayClose: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Counts per proposal position, or per option (a date slot counts its yes and its "if needed"). */
export function tally(kind: PollKind, options: OptionRow[], votes: VoteRow[]): PollTally[] {
  if (kind === 'proposal') {
    return proposalPositions.map((key) => ({
      key,
      yes: votes.filter((v) => v.position === key).length,
      maybe: 0,
    }));
  }
  return options.map((o) => ({
    key: o.id,
    yes: votes.filter((v) => (kind === 'dates' ? v.dateAnswers[o.id] === 'yes' : v.optionIds.includes(o.id)))
      .length,
    maybe: kind === 'dates' ? votes.filter((v) => v.dateAnswers[o.id] === 'maybe').length : 0,
  }));
}

function toVote(v: VoteRow): PollVote {
  return {
    voter: { id: v.userId, displayName: v.displayName },
    position: v.position,
    optionIds: v.optionIds,
    dateAnswers: v.dateAnswers,
    reason: v.reason,
    votedAt: v.votedAt.toISOString(),
  };
}

/** The poll as the API returns it, seen by `viewer`. */
export function toPoll(
  poll: PollRow,
  options: OptionRow[],
  votes: VoteRow[],
  electorate: number,
  viewer: Viewer,
): Poll {
  const views = votes.map(toVote);
  const mine = viewer.userId ? views.find((v) => v.voter.id === viewer.userId) : undefined;
  return {
    id: poll.id,
    threadId: poll.threadId,
    kind: poll.kind,
    question: poll.question,
    details: poll.details,
    options: options.map(
      (o): PollOption => ({ id: o.id, label: o.label, startsAt: iso(o.startsAt), endsAt: iso(o.endsAt) }),
    ),
    closesAt: poll.closesAt.toISOString(),
    quorum: poll.quorum,
    closedAt: iso(poll.closedAt),
    outcome: poll.outcome,
    author: { id: poll.authorId, displayName: poll.authorName },
    createdAt: poll.createdAt.toISOString(),
    voterCount: votes.length,
    electorate,
    quorumReached: quorumReached(poll.quorum, votes.length),
    tallies: tally(poll.kind, options, votes),
    votes: views,
    myVote: mine ?? null,
    canClose: viewer.mayClose && poll.closedAt === null,
  };
}
