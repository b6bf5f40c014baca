import { describe, expect, it } from 'vitest';
import { bookletPdfUrl, fichePdfUrl } from './export-urls';

describe('export URLs', () => {
  it('adds the version and the open comments only when asked', () => {
    expect(fichePdfUrl('f1')).toBe('/api/fiches/f1/export.pdf');
    expect(fichePdfUrl('f1', { versionId: 'v2', withComments: true })).toBe(
      '/api/fiches/f1/export.pdf?versionId=v2&comments=open',
    );
  });

  it('keeps the search filters of the booklet and drops the paging', () => {
    expect(bookletPdfUrl({ q: 'vélo', year: 2026, page: 3, pageSize: 20, sort: 'date' })).toBe(
      '/api/exports/booklet.pdf?q=v%C3%A9lo&year=2026&sort=date',
    );
  });
});
