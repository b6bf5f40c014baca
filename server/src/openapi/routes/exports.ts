import * as c from '@affluents/contracts';
import { z } from 'zod';
import { ExportBookletQuery, ExportFichePdfQuery } from '../../modules/exports/export-queries';
import type { Route } from '../route';

const tag = 'Exports';
const pdf = z.string().describe('Document PDF (application/pdf), envoyé en pièce jointe');

/** HTTP routes of the exports feature, for the OpenAPI document. */
export const exportsRoutes: Route[] = [
  {
    method: 'get',
    path: '/api/fiches/{id}/export.pdf',
    tag,
    summary:
      'Exporter une fiche en PDF (texte vivant ou une version ; `comments=open` : commentaires ouverts en notes, membres du groupe)',
    params: z.object({ id: c.Id }),
    query: ExportFichePdfQuery,
    response: pdf,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/exports/booklet.pdf',
    tag,
    summary: 'Livret PDF des résultats de la boîte à outils (mêmes filtres, 100 fiches au plus)',
    query: ExportBookletQuery,
    response: pdf,
    errors: [400, 401],
  },
];
