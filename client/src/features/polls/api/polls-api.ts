import type { CastVoteRequest, ClosePollRequest, CreatePollRequest, Poll } from '@affluents/contracts';
import { api } from '../../../lib/api-client';

/** A new poll as the client sends it: the server defaults the options list. */
export type NewPoll = Omit<CreatePollRequest, 'options'> & Partial<Pick<CreatePollRequest, 'options'>>;

export const pollsApi = {
  list: (threadId: string, signal?: AbortSignal) =>
    api.get<Poll[]>(`/api/threads/${threadId}/polls`, undefined, signal),
  create: (threadId: string, body: NewPoll) => api.post<Poll>(`/api/threads/${threadId}/polls`, body),
  vote: (pollId: string, body: CastVoteRequest) => api.post<Poll>(`/api/polls/${pollId}/votes`, body),
  withdraw: (pollId: string) => api.delete<Poll>(`/api/polls/${pollId}/votes`),
  close: (pollId: string, body: ClosePollRequest) => api.post<Poll>(`/api/polls/${pollId}/close`, body),
};
