import { z } from 'zod';
import { Id } from '../common';
import {
  DISPLAY_IMAGE_MAX_WIDTH,
  FILE_FORM_FIELD,
  FicheFiles,
  FileLimits,
  MeetingFileSection,
  MeetingFiles,
  StoredFile,
} from '../files';
import { route, routeUrl } from '../http-route';

/** HTTP routes of the files of fiches, messages, comments and meetings (uploads, downloads). */
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
  uploadToThread: route({
    method: 'post',
    path: '/api/threads/:id/files',
    tag: 'Fichiers',
    summary:
      'Joindre une image ou un document au prochain message d’une discussion (qui peut y écrire). Mêmes types et taille maximale que les fiches ; lisible par les autres une fois le message envoyé.',
    access: 'signed-in',
    params: z.object({ id: Id }),
    body: z.object({ [FILE_FORM_FIELD]: z.string().describe('Le fichier (un seul)') }),
    bodyType: 'multipart/form-data',
    status: 201,
    response: StoredFile,
    errors: [400, 401, 403, 404, 413, 415],
  }),
  uploadToComments: route({
    method: 'post',
    path: '/api/fiches/:id/comment-files',
    tag: 'Fichiers',
    summary:
      'Joindre une image ou un document à un commentaire d’une fiche (qui peut commenter). Mêmes types et taille maximale que les fiches.',
    access: 'signed-in',
    params: z.object({ id: Id }),
    body: z.object({ [FILE_FORM_FIELD]: z.string().describe('Le fichier (un seul)') }),
    bodyType: 'multipart/form-data',
    status: 201,
    response: StoredFile,
    errors: [400, 401, 403, 404, 409, 413, 415],
  }),
  uploadToMeeting: route({
    method: 'post',
    path: '/api/meetings/:id/files/:section',
    tag: 'Fichiers',
    summary:
      'Joindre une image ou un document à l’ordre du jour (`agenda`) ou au procès-verbal (`minutes`) d’une rencontre (membres du groupe). Lisible par les membres et les invité·es de la rencontre.',
    access: 'signed-in',
    params: z.object({ id: Id, section: MeetingFileSection }),
    body: z.object({ [FILE_FORM_FIELD]: z.string().describe('Le fichier (un seul)') }),
    bodyType: 'multipart/form-data',
    status: 201,
    response: StoredFile,
    errors: [400, 401, 403, 404, 413, 415],
  }),
  meetingList: route({
    method: 'get',
    path: '/api/meetings/:id/files',
    tag: 'Fichiers',
    summary: 'Fichiers de l’ordre du jour et du procès-verbal d’une rencontre (membres et invité·es)',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: MeetingFiles,
    errors: [401, 404],
  }),
  removeFromMeeting: route({
    method: 'delete',
    path: '/api/meetings/:id/files/:fileId',
    tag: 'Fichiers',
    summary: 'Retirer un fichier d’une rencontre (qui l’a joint, ou l’animation du groupe)',
    access: 'signed-in',
    params: z.object({ id: Id, fileId: Id }),
    status: 204,
    errors: [401, 403, 404],
  }),
  limits: route({
    method: 'get',
    path: '/api/file-limits',
    tag: 'Fichiers',
    summary:
      'Tailles maximales d’un fichier et des fichiers d’une fiche (FILE_MAX_BYTES, FICHE_FILES_MAX_BYTES)',
    access: 'signed-in',
    response: FileLimits,
    errors: [401],
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
      'Télécharger l’original (toujours en pièce jointe). Accès : celui de ce à quoi il est joint (fiche, message, commentaire, rencontre) ; un lecteur de la version publiée d’une fiche n’obtient que les fichiers de cette version.',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: { kind: 'file', mediaType: 'application/octet-stream' },
    errors: [400, 401, 404],
  }),
  preview: route({
    method: 'get',
    path: '/api/files/:id/preview',
    tag: 'Fichiers',
    summary:
      'Un document PDF affiché dans le navigateur (en ligne), sous le même accès que son téléchargement',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: { kind: 'file', mediaType: 'application/pdf' },
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
/** The link of a PDF shown by the browser (inline), to open in a new tab. */
export const filePreviewPath = (fileId: string) => routeUrl(filesRoutes.preview, { params: { id: fileId } });
