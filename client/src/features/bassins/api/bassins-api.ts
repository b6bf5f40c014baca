import type {
  BassinSummary,
  CreateBassinRequest,
  MergeBassinRequest,
  MergeBassinResult,
  UpdateBassinRequest,
} from '@affluents/contracts';
import { api } from '../../../lib/api-client';

export const bassinsApi = {
  list: (includeArchived: boolean, signal?: AbortSignal) =>
    api.get<BassinSummary[]>('/api/bassins', { includeArchived: includeArchived ? 'true' : 'false' }, signal),
  create: (body: CreateBassinRequest) => api.post<BassinSummary>('/api/bassins', body),
  update: (id: string, body: UpdateBassinRequest) => api.patch<BassinSummary>(`/api/bassins/${id}`, body),
  merge: (id: string, body: MergeBassinRequest) =>
    api.post<MergeBassinResult>(`/api/bassins/${id}/merge`, body),
};
