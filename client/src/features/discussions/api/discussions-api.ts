import {
  type AskFicheQuestionRequest,
  type CreateThreadRequest,
  type FollowLevel,
  type GroupDiscussionSettings,
  routes,
  type UpdateThreadRequest,
} from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.discussions;

/** The discussions HTTP API (reading, creating, moderating); live sending goes through the socket. */
export const discussionsApi = {
  listThreads: (groupId: string, signal?: AbortSignal) =>
    call(r.list, { params: { groupId }, query: { limit: 100 }, signal }),
  /** One page of a group's threads (pinned first, then the most recently active), from `cursor`. */
  listThreadPage: (groupId: string, cursor: string | undefined, limit: number, signal?: AbortSignal) =>
    call(r.list, { params: { groupId }, query: { cursor, limit }, signal }),
  createThread: (groupId: string, body: CreateThreadRequest) => call(r.create, { params: { groupId }, body }),
  getThread: (id: string, signal?: AbortSignal) => call(r.detail, { params: { id }, signal }),
  updateThread: (id: string, body: UpdateThreadRequest) => call(r.update, { params: { id }, body }),
  listMessages: (id: string, query: { beforeSeq?: number; afterSeq?: number; limit?: number }) =>
    call(r.messagesPage, { params: { id }, query }),
  revisions: (messageId: string, signal?: AbortSignal) =>
    call(r.revisions, { params: { id: messageId }, signal }),
  hide: (messageId: string) => call(r.hide, { params: { id: messageId } }),
  unhide: (messageId: string) => call(r.unhide, { params: { id: messageId } }),
  /** The answer holds the marker left in place and the message in its new thread. */
  move: (messageId: string, toThreadId: string) =>
    call(r.move, { params: { id: messageId }, body: { toThreadId } }),
  setFollow: (id: string, follow: FollowLevel) => call(r.follow, { params: { id }, body: { follow } }),
  markRead: (id: string, seq: number) => call(r.read, { params: { id }, body: { seq } }),
  settings: (groupId: string, signal?: AbortSignal) => call(r.settings, { params: { groupId }, signal }),
  updateSettings: (groupId: string, body: GroupDiscussionSettings) =>
    call(r.saveSettings, { params: { groupId }, body }),
  accessGrants: (id: string, signal?: AbortSignal) => call(r.grants, { params: { id }, signal }),
  formerParticipants: (id: string, signal?: AbortSignal) =>
    call(r.formerParticipants, { params: { id }, signal }),
  grantReading: (id: string, userId: string) =>
    call(r.grant, { params: { id }, body: { userId, kind: 'former_member' } }),
  revokeAccess: (id: string, userId: string) => call(r.revoke, { params: { id, userId } }),
  ficheThread: (ficheId: string) => call(r.ficheThread, { params: { id: ficheId } }),
  ficheQuestions: (ficheId: string, signal?: AbortSignal) =>
    call(routes.ficheQuestions.list, { params: { id: ficheId }, signal }),
  askFicheQuestion: (ficheId: string, body: AskFicheQuestionRequest) =>
    call(routes.ficheQuestions.ask, { params: { id: ficheId }, body }),
};
