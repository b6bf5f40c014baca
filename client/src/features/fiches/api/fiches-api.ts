import {
  type ChangeFicheStatusRequest,
  type CreateFicheRequest,
  type CreateFicheVersionRequest,
  type PublishFicheRequest,
  routes,
  type SearchFichesQuery,
  type UpdateFicheRequest,
} from '@affluents/contracts';
import { call, hrefOf } from '../../../lib/api-client';

const r = routes.fiches;

/** The request as the client sends it: every list and the year may be left out (the server defaults them). */
export type NewFiche = Pick<CreateFicheRequest, 'title' | 'groupId'> & Partial<CreateFicheRequest>;

/** A search as the client sends it: the server fills in the page and its size. */
export type FicheQuery = Partial<SearchFichesQuery>;

export const fichesApi = {
  list: (query: FicheQuery, signal?: AbortSignal) => call(r.find, { query, signal }),
  get: (id: string, signal?: AbortSignal) => call(r.detail, { params: { id }, signal }),
  create: (body: NewFiche) => call(r.create, { body }),
  update: (id: string, body: UpdateFicheRequest) => call(r.update, { params: { id }, body }),
  changeStatus: (id: string, body: ChangeFicheStatusRequest) =>
    call(r.changeStatus, { params: { id }, body }),
  publish: (id: string, body: PublishFicheRequest) => call(r.publish, { params: { id }, body }),
  takeVersion: (id: string, body: CreateFicheVersionRequest) => call(r.takeVersion, { params: { id }, body }),
  getVersion: (id: string, versionId: string, signal?: AbortSignal) =>
    call(r.version, { params: { id, versionId }, signal }),
  restoreVersion: (id: string, versionId: string) => call(r.restore, { params: { id, versionId } }),
};

/** The Markdown download of the live text, or of a version (a plain link: the server sends an attachment). */
export function ficheExportUrl(id: string, versionId?: string): string {
  return hrefOf(r.exportMarkdown, { params: { id }, query: { versionId } });
}
