import { ExportFicheQuery, SearchFichesQuery } from '@affluents/contracts';
import { z } from 'zod';

/** GET /api/fiches/:id/export.pdf: a version (else the live text), optionally the open comments as notes. */
export const ExportFichePdfQuery = ExportFicheQuery.extend({ comments: z.enum(['open']).optional() });
export type ExportFichePdfQuery = z.infer<typeof ExportFichePdfQuery>;

/** GET /api/fiches/export.pdf: the toolbox filters; pages do not apply (the booklet takes the first results). */
export const ExportBookletQuery = SearchFichesQuery.omit({ page: true, pageSize: true });
export type ExportBookletQuery = z.infer<typeof ExportBookletQuery>;

/** A booklet holds at most this many fiches, so one request cannot build an unbounded document. */
export const BOOKLET_MAX_FICHES = 100;
