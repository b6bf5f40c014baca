import type { CreateFicheCommentRequest, FicheComment } from '@affluents/contracts';
import { api } from '../../lib/api-client';

const base = (ficheId: string) => `/api/fiches/${ficheId}/comments`;

export const commentsApi = {
  list: (ficheId: string, signal?: AbortSignal) =>
    api.get<FicheComment[]>(base(ficheId), { status: 'all' }, signal),
  create: (ficheId: string, body: CreateFicheCommentRequest) => api.post<FicheComment>(base(ficheId), body),
  reply: (ficheId: string, commentId: string, body: string) =>
    api.post<FicheComment>(`${base(ficheId)}/${commentId}/replies`, { body }),
  resolve: (ficheId: string, commentId: string, resolved: boolean) =>
    api.post<FicheComment>(`${base(ficheId)}/${commentId}/resolve`, { resolved }),
  remove: (ficheId: string, commentId: string) => api.delete(`${base(ficheId)}/${commentId}`),
};
