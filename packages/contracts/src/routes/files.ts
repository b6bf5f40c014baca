import { z } from 'zod';
import { Id } from '../common';
import { DISPLAY_IMAGE_MAX_WIDTH, FILE_FORM_FIELD, FicheFiles, StoredFile } from '../files';
import { route, routeUrl } from '../http-route';

/** HTTP routes of the files of fiches (uploads, downloads). */
export const filesRoutes = {
  upload: route({
    method: 'post',
    path: '/api/fiches/:id/files',
    tag: 'Fichiers',
    summary:
      'Ajouter une image ou un document à une fiche (membres du groupe, fiche non archivée). Type vérifié sur le contenu, tailles limitées (FILE_MAX_BYTES, FICHE_FILES_MAX_BYTES).',
    access: 'signed-in',
    params: z.object({ id: Id }),
    body: z.object({ [FILE_FORM_FIELD]: z.string().describe('Le fichier (un seul)') }),
    bodyType: 'multipart/form-data',
    status: 201,
    response: StoredFile,
    errors: [400, 401, 403, 404, 409, 413, 415],
  }),
  list: route({
    method: 'get',
    path: '/api/fiches/:id/files',
    tag: 'Fichiers',
    summary: 'Fichiers d’une fiche, place utilisée et limites (lecteurs du texte vivant)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: FicheFiles,
    errors: [401, 403, 404],
  }),
  original: route({
    method: 'get',
    path: '/api/files/:id',
    tag: 'Fichiers',
    summary:
      'Télécharger l’original (toujours en pièce jointe). Accès : celui de la fiche ; un lecteur de la version publiée n’obtient que les fichiers de cette version.',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: { kind: 'file', mediaType: 'application/octet-stream' },
    errors: [400, 401, 404],
  }),
  display: route({
    method: 'get',
    path: '/api/files/:id/display',
    tag: 'Fichiers',
    summary: `Version d’écran d’une image (JPEG ou PNG, ${DISPLAY_IMAGE_MAX_WIDTH} pixels de large au plus, sans métadonnées), affichée en ligne`,
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: { kind: 'file', mediaType: 'image/*' },
    errors: [400, 401, 404],
  }),
};

/** The upload and list address of a fiche's files. */
export const ficheFilesPath = (ficheId: string) => routeUrl(filesRoutes.list, { params: { id: ficheId } });
/** The link of a file's original, always a download (Content-Disposition: attachment). */
export const fileDownloadPath = (fileId: string) =>
  routeUrl(filesRoutes.original, { params: { id: fileId } });
/** The link of an image resized for the screen (JPEG or PNG, at most DISPLAY_IMAGE_MAX_WIDTH wide), inline. */
export const fileDisplayPath = (fileId: string) => routeUrl(filesRoutes.display, { params: { id: fileId } });
