import type {
  AskFicheQuestionRequest,
  CreateThreadRequest,
  FicheQuestions,
  FollowLevel,
  GroupDiscussionSettings,
  Message,
  MessagePage,
  MessageRevision,
  PersonRef,
  ThreadAccessGrant,
  ThreadDetail,
  ThreadPage,
  ThreadSummary,
  UpdateThreadRequest,
} from '@affluents/contracts';
import { api, apiRequest } from '../../../lib/api-client';

/** The discussions HTTP API (reading, creating, moderating); live sending goes through the socket. */
export const discussionsApi = {
  listThreads: (groupId: string, signal?: AbortSignal) =>
    api.get<ThreadPage>(`/api/groups/${groupId}/threads`, { limit: 100 }, signal),
  createThread: (groupId: string, body: CreateThreadRequest) =>
    api.post<ThreadDetail>(`/api/groups/${groupId}/threads`, body),
  getThread: (id: string, signal?: AbortSignal) =>
    api.get<ThreadDetail>(`/api/threads/${id}`, undefined, signal),
  updateThread: (id: string, body: UpdateThreadRequest) =>
    api.patch<ThreadDetail>(`/api/threads/${id}`, body),
  listMessages: (id: string, query: { beforeSeq?: number; afterSeq?: number; limit?: number }) =>
    api.get<MessagePage>(`/api/threads/${id}/messages`, query),
  revisions: (messageId: string, signal?: AbortSignal) =>
    api.get<MessageRevision[]>(`/api/messages/${messageId}/revisions`, undefined, signal),
  hide: (messageId: string) => api.post<Message>(`/api/messages/${messageId}/hide`),
  unhide: (messageId: string) => api.post<Message>(`/api/messages/${messageId}/unhide`),
  /** The answer holds the marker left in place and the message in its new thread. */
  move: (messageId: string, toThreadId: string) =>
    api.post<{ marker: Message; moved: Message }>(`/api/messages/${messageId}/move`, { toThreadId }),
  setFollow: (id: string, follow: FollowLevel) =>
    apiRequest<ThreadDetail>(`/api/threads/${id}/follow`, { method: 'PUT', body: { follow } }),
  markRead: (id: string, seq: number) =>
    api.post<{ threadId: string; seq: number }>(`/api/threads/${id}/read`, { seq }),
  settings: (groupId: string, signal?: AbortSignal) =>
    api.get<GroupDiscussionSettings>(`/api/groups/${groupId}/discussion-settings`, undefined, signal),
  updateSettings: (groupId: string, body: GroupDiscussionSettings) =>
    apiRequest<GroupDiscussionSettings>(`/api/groups/${groupId}/discussion-settings`, {
      method: 'PUT',
      body,
    }),
  accessGrants: (id: string, signal?: AbortSignal) =>
    api.get<ThreadAccessGrant[]>(`/api/threads/${id}/access-grants`, undefined, signal),
  formerParticipants: (id: string, signal?: AbortSignal) =>
    api.get<PersonRef[]>(`/api/threads/${id}/former-participants`, undefined, signal),
  grantReading: (id: string, userId: string) =>
    api.post<ThreadAccessGrant[]>(`/api/threads/${id}/access-grants`, { userId, kind: 'former_member' }),
  revokeAccess: (id: string, userId: string) => api.delete(`/api/threads/${id}/access-grants/${userId}`),
  ficheThread: (ficheId: string) => api.get<ThreadSummary>(`/api/fiches/${ficheId}/thread`),
  ficheQuestions: (ficheId: string, signal?: AbortSignal) =>
    api.get<FicheQuestions>(`/api/fiches/${ficheId}/questions`, undefined, signal),
  askFicheQuestion: (ficheId: string, body: AskFicheQuestionRequest) =>
    api.post<ThreadDetail>(`/api/fiches/${ficheId}/questions`, body),
};
