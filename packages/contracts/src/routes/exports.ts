import { z } from 'zod';
import { Id } from '../common';
import { ExportBookletQuery, ExportFichePdfQuery } from '../fiches';
import { route } from '../http-route';

/** HTTP routes of the PDF exports (a fiche, the toolbox booklet). */
export const exportsRoutes = {
  booklet: route({
    method: 'get',
    path: '/api/exports/booklet.pdf',
    tag: 'Exports',
    summary: 'Livret PDF des résultats de la boîte à outils (mêmes filtres, 100 fiches au plus)',
    access: 'signed-in',
    query: ExportBookletQuery,
    response: { kind: 'file', mediaType: 'application/pdf' },
    errors: [400, 401],
  }),
  fiche: route({
    method: 'get',
    path: '/api/fiches/:id/export.pdf',
    tag: 'Exports',
    summary:
      'Exporter une fiche en PDF (texte vivant ou une version ; `comments=open` : commentaires ouverts en notes, membres du groupe)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    query: ExportFichePdfQuery,
    response: { kind: 'file', mediaType: 'application/pdf' },
    errors: [400, 401, 403, 404],
  }),
};
