import * as c from '@affluents/contracts';
import { z } from 'zod';
import type { Route } from '../route';

const tag = 'Fichiers';
const bytes = z.string().describe('Contenu du fichier (type reconnu à l’envoi, jamais celui du client)');

/** HTTP routes of the files feature (docs/FILES.md), for the OpenAPI document. */
export const filesRoutes: Route[] = [
  {
    method: 'post',
    path: '/api/fiches/{id}/files',
    tag,
    summary:
      'Ajouter une image ou un document à une fiche (membres du groupe, fiche non archivée). Type vérifié sur le contenu, tailles limitées (FILE_MAX_BYTES, FICHE_FILES_MAX_BYTES).',
    params: z.object({ id: c.Id }),
    body: z.object({ [c.FILE_FORM_FIELD]: z.string().describe('Le fichier (un seul)') }),
    bodyType: 'multipart/form-data',
    status: 201,
    response: c.StoredFile,
    errors: [400, 401, 403, 404, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/api/fiches/{id}/files',
    tag,
    summary: 'Fichiers d’une fiche, place utilisée et limites (lecteurs du texte vivant)',
    params: z.object({ id: c.Id }),
    response: c.FicheFiles,
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/files/{id}',
    tag,
    summary:
      'Télécharger l’original (toujours en pièce jointe). Accès : celui de la fiche ; un lecteur de la version publiée n’obtient que les fichiers de cette version.',
    params: z.object({ id: c.Id }),
    response: bytes,
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/files/{id}/display',
    tag,
    summary: `Version d’écran d’une image (JPEG ou PNG, ${c.DISPLAY_IMAGE_MAX_WIDTH} pixels de large au plus, sans métadonnées), affichée en ligne`,
    params: z.object({ id: c.Id }),
    response: bytes,
    errors: [400, 401, 404],
  },
];
