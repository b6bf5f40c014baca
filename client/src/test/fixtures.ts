import type { FicheDetail } from '@affluents/contracts';

/** The id of the fiche that `ficheDetail` builds. */
export const ficheId = '00000000-0000-4000-8000-000000000042';

/** A draft fiche of a Namur group, as the API sends it; `overrides` set the fields a test is about. */
export function ficheDetail(overrides: Partial<FicheDetail> = {}): FicheDetail {
  return {
    id: ficheId,
    title: 'Un atelier vélo',
    status: 'draft',
    reach: null,
    group: {
      id: '00000000-0000-4000-8000-000000000100',
      kind: 'social_workers',
      bassin: { id: '00000000-0000-4000-8000-000000000090', name: 'Namur' },
    },
    organisations: [],
    sectors: [],
    publics: [],
    themes: [],
    year: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    docName: `fiche:${ficheId}`,
    access: 'write',
    authors: [],
    emptySections: [],
    missingRequiredSections: [],
    publishedAt: null,
    publishedVersionId: null,
    liveDocument: true,
    versions: [],
    ...overrides,
  };
}
