import type { AttachedFile } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { badRequest } from '../../common/errors/app-error';

/** Where the files a post names must have been uploaded: its thread (a message) or its fiche (a comment). */
export type AttachablePlace =
  | { attachedTo: 'message'; threadId: string }
  | { attachedTo: 'comment'; ficheId: string };

/**
 * The files a new message, comment or reply carries, as it will show them: each id must be a file its
 * author uploaded into the same place (`POST /api/threads/:id/files`, `POST /api/fiches/:id/comment-files`).
 * Reads `file_cards`, the files module's published view, so the owners of messages and comments apply
 * this one rule in their own write path. Throws a 400 naming the field otherwise.
 */
export async function selectAttachableFiles(
  manager: EntityManager,
  ids: readonly string[] | undefined,
  place: AttachablePlace,
  authorId: string,
): Promise<AttachedFile[]> {
  const wanted = [...new Set(ids ?? [])];
  if (wanted.length === 0) return [];
  const placeId = place.attachedTo === 'message' ? place.threadId : place.ficheId;
  const column = place.attachedTo === 'message' ? 'thread_id' : 'fiche_id';
  const rows: AttachedFile[] = await manager.query(
    `SELECT id, name, media_type AS "mediaType", kind, byte_size::float8 AS "byteSize", width, height
       FROM file_cards
      WHERE id = ANY($1::uuid[]) AND attached_to = $2 AND ${column} = $3 AND created_by_id = $4`,
    [wanted, place.attachedTo, placeId, authorId],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const files = wanted.flatMap((id) => {
    const file = byId.get(id);
    return file ? [file] : [];
  });
  if (files.length < wanted.length) {
    const message = 'Un fichier joint est introuvable : joignez-le à nouveau avant d’envoyer.';
    throw badRequest(message, [{ path: 'fileIds', message }]);
  }
  return files;
}
