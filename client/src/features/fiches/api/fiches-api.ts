import type {
  ChangeFicheStatusRequest,
  CreateFicheRequest,
  CreateFicheVersionRequest,
  FicheDetail,
  FicheSearchPage,
  FicheVersionContent,
  PublishFicheRequest,
  SearchFichesQuery,
  UpdateFicheRequest,
} from '@affluents/contracts';
import { api } from '../../../lib/api-client';

/** The request as the client sends it: every list and the year may be left out (the server defaults them). */
export type NewFiche = Pick<CreateFicheRequest, 'title' | 'groupId'> & Partial<CreateFicheRequest>;

/** A search as the client sends it: the server fills in the page and its size. */
export type FicheQuery = Partial<SearchFichesQuery>;

export const fichesApi = {
  list: (query: FicheQuery, signal?: AbortSignal) =>
    api.get<FicheSearchPage>('/api/fiches', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<FicheDetail>(`/api/fiches/${id}`, undefined, signal),
  create: (body: NewFiche) => api.post<FicheDetail>('/api/fiches', body),
  update: (id: string, body: UpdateFicheRequest) => api.patch<FicheDetail>(`/api/fiches/${id}`, body),
  changeStatus: (id: string, body: ChangeFicheStatusRequest) =>
    api.post<FicheDetail>(`/api/fiches/${id}/status`, body),
  publish: (id: string, body: PublishFicheRequest) =>
    api.post<FicheDetail>(`/api/fiches/${id}/publish`, body),
  takeVersion: (id: string, body: CreateFicheVersionRequest) =>
    api.post<FicheDetail>(`/api/fiches/${id}/versions`, body),
  getVersion: (id: string, versionId: string, signal?: AbortSignal) =>
    api.get<FicheVersionContent>(`/api/fiches/${id}/versions/${versionId}`, undefined, signal),
  restoreVersion: (id: string, versionId: string) =>
    api.post<FicheDetail>(`/api/fiches/${id}/versions/${versionId}/restore`),
};

/** The Markdown download of the live text, or of a version (a plain link: the server sends an attachment). */
export function ficheExportUrl(id: string, versionId?: string): string {
  const base = `/api/fiches/${id}/export.md`;
  return versionId ? `${base}?${new URLSearchParams({ versionId })}` : base;
}
