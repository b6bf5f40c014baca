import {
  type CastVoteRequest,
  type ClosePollRequest,
  type CreatePollRequest,
  routes,
} from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.polls;

/** A new poll as the client sends it: the server defaults the options list. */
export type NewPoll = Omit<CreatePollRequest, 'options'> & Partial<Pick<CreatePollRequest, 'options'>>;

export const pollsApi = {
  awaitingMine: (signal?: AbortSignal) => call(r.awaitingMine, { signal }),
  list: (threadId: string, signal?: AbortSignal) => call(r.list, { params: { id: threadId }, signal }),
  create: (threadId: string, body: NewPoll) => call(r.create, { params: { id: threadId }, body }),
  vote: (pollId: string, body: CastVoteRequest) => call(r.vote, { params: { id: pollId }, body }),
  withdraw: (pollId: string) => call(r.withdraw, { params: { id: pollId } }),
  close: (pollId: string, body: ClosePollRequest) => call(r.close, { params: { id: pollId }, body }),
};
