import type { FicheQuery } from '../fiches/api/fiches-api';

/** The PDF of a fiche (live text or a version), optionally with its open comments as notes. */
export function fichePdfUrl(
  id: string,
  options: { versionId?: string; withComments?: boolean } = {},
): string {
  const params = new URLSearchParams();
  if (options.versionId) params.set('versionId', options.versionId);
  if (options.withComments) params.set('comments', 'open');
  const query = params.toString();
  return `/api/fiches/${id}/export.pdf${query ? `?${query}` : ''}`;
}

/** The booklet of a toolbox search: its filters, without paging (the server takes the first results). */
export function bookletPdfUrl(query: FicheQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === null || value === '')
      continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/exports/booklet.pdf${search ? `?${search}` : ''}`;
}
