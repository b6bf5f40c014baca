import { type CreateFicheCommentRequest, routes } from '@affluents/contracts';
import { call } from '../../lib/api-client';

const r = routes.comments;

export const commentsApi = {
  list: (ficheId: string, signal?: AbortSignal) =>
    call(r.list, { params: { id: ficheId }, query: { status: 'all' }, signal }),
  create: (ficheId: string, body: CreateFicheCommentRequest) =>
    call(r.create, { params: { id: ficheId }, body }),
  reply: (ficheId: string, commentId: string, body: string, fileIds: string[] = []) =>
    call(r.reply, {
      params: { id: ficheId, commentId },
      body: { body, ...(fileIds.length > 0 ? { fileIds } : {}) },
    }),
  resolve: (ficheId: string, commentId: string, resolved: boolean) =>
    call(r.resolve, { params: { id: ficheId, commentId }, body: { resolved } }),
  remove: (ficheId: string, commentId: string) => call(r.remove, { params: { id: ficheId, commentId } }),
};
