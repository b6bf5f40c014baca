import { routes } from '@affluents/contracts';
import { hrefOf } from '../../lib/api-client';
import type { FicheQuery } from '../fiches/api/fiches-api';

/** The PDF of a fiche (live text or a version), optionally with its open comments as notes. */
export function fichePdfUrl(
  id: string,
  options: { versionId?: string; withComments?: boolean } = {},
): string {
  return hrefOf(routes.exports.fiche, {
    params: { id },
    query: { versionId: options.versionId, comments: options.withComments ? 'open' : undefined },
  });
}

/** The booklet of a toolbox search: its filters, without paging (the server takes the first results). */
export function bookletPdfUrl(query: FicheQuery): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return hrefOf(routes.exports.booklet, { query: filters });
}
