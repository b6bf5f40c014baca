import type { FileAttachedTo, FileKind, MeetingFileSection, StoredFile } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A `files` row as the service reads it. */
export interface FileRow {
  id: string;
  attachedTo: FileAttachedTo;
  ficheId: string | null;
  threadId: string | null;
  meetingId: string | null;
  meetingSection: MeetingFileSection | null;
  name: string;
  mediaType: string;
  kind: FileKind;
  byteSize: number;
  sha256: string;
  width: number | null;
  height: number | null;
  contentKey: string;
  displayKey: string | null;
  displayMediaType: string | null;
  displayByteSize: number | null;
  displaySha256: string | null;
  displayWidth: number | null;
  displayHeight: number | null;
  createdById: string;
  createdByName: string;
  createdAt: Date;
}

/** Where a new file goes: a fiche's text or comments, a thread's next message, a meeting's agenda or minutes. */
export type FilePlace =
  | { attachedTo: 'fiche' | 'comment'; ficheId: string }
  | { attachedTo: 'message'; threadId: string }
  | { attachedTo: 'meeting'; meetingId: string; section: MeetingFileSection };

/** A file to record: its facts and the store keys of its original and (for an image) its screen version. */
export interface NewFile {
  place: FilePlace;
  name: string;
  mediaType: string;
  kind: FileKind;
  byteSize: number;
  sha256: string;
  width: number | null;
  height: number | null;
  contentKey: string;
  display: {
    key: string;
    mediaType: string;
    byteSize: number;
    sha256: string;
    width: number;
    height: number;
  } | null;
  createdById: string;
}

const FILE_COLUMNS = `f.id, f.attached_to AS "attachedTo", f.fiche_id AS "ficheId", f.thread_id AS "threadId",
  f.meeting_id AS "meetingId", f.meeting_section AS "meetingSection", f.name, f.media_type AS "mediaType", f.kind,
  f.byte_size::float8 AS "byteSize", f.sha256, f.width, f.height, f.content_key AS "contentKey",
  f.display_key AS "displayKey", f.display_media_type AS "displayMediaType",
  f.display_byte_size::float8 AS "displayByteSize", f.display_sha256 AS "displaySha256",
  f.display_width AS "displayWidth", f.display_height AS "displayHeight",
  f.created_by_id AS "createdById", u.display_name AS "createdByName", f.created_at AS "createdAt"`;

/** Which files count against a fiche's space: those in use, and those not unused since before `since`. */
export interface Counted {
  inUse: ReadonlySet<string>;
  since: Date;
}

/** A row as the contract's StoredFile. */
export const toStoredFile = (row: FileRow): StoredFile => ({
  id: row.id,
  attachedTo: row.attachedTo,
  ficheId: row.ficheId,
  meetingId: row.meetingId,
  meetingSection: row.meetingSection,
  name: row.name,
  mediaType: row.mediaType,
  kind: row.kind,
  byteSize: row.byteSize,
  width: row.width,
  height: row.height,
  createdBy: { id: row.createdById, displayName: row.createdByName },
  createdAt: new Date(row.createdAt).toISOString(),
});

/** The SQL of the `files` table (owned by the files module). */
@Injectable()
export class FilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One file, or undefined. */
  async byId(id: string): Promise<FileRow | undefined> {
    return (await this.select('f.id = $1', [id]))[0];
  }

  /** The files of a fiche's text, oldest first (not those of its comments). */
  ofFiche(ficheId: string): Promise<FileRow[]> {
    return this.select(`f.fiche_id = $1 AND f.attached_to = 'fiche'`, [ficheId]);
  }

  /** Those of `ids` that belong to the fiche's text. */
  inFiche(ficheId: string, ids: string[]): Promise<FileRow[]> {
    return this.select(`f.fiche_id = $1 AND f.attached_to = 'fiche' AND f.id = ANY($2::uuid[])`, [
      ficheId,
      ids,
    ]);
  }

  /** A meeting's files, oldest first. */
  ofMeeting(meetingId: string): Promise<FileRow[]> {
    return this.select(`f.meeting_id = $1 AND f.attached_to = 'meeting'`, [meetingId]);
  }

  /** Records a file attached to something else than a fiche's text (no total to check). */
  async insert(file: NewFile): Promise<{ id: string }> {
    return this.insertRow(this.dataSource.manager, file);
  }

  /** Deletes a file's row; its store keys, to delete once the row is gone, or null when it was gone. */
  async delete(id: string): Promise<string[] | null> {
    const [rows]: [Array<{ contentKey: string; displayKey: string | null }>, number] =
      await this.dataSource.query(
        'DELETE FROM files WHERE id = $1 RETURNING content_key AS "contentKey", display_key AS "displayKey"',
        [id],
      );
    const [row] = rows;
    if (!row) return null;
    return row.displayKey ? [row.contentKey, row.displayKey] : [row.contentKey];
  }

  /**
   * Bytes the fiche's files take (their originals), counting only those that count: the files in use
   * (`counted.inUse`), and those not found unused since before `counted.since` (a new upload, one just
   * removed from the text that an undo may bring back).
   */
  async usedBytes(
    ficheId: string,
    counted: Counted,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [{ used }] = await manager.query(
      `SELECT coalesce(sum(byte_size), 0)::float8 AS used FROM files
       WHERE fiche_id = $1 AND attached_to = 'fiche'
         AND (id = ANY($2::uuid[]) OR unused_since IS NULL OR unused_since > $3)`,
      [ficheId, [...counted.inUse], counted.since],
    );
    return used;
  }

  /**
   * Records a file unless the fiche's files would then take more than `maxFicheBytes`, in the caller's
   * transaction, which holds the fiche's lock (`FicheReach.lock`) so two uploads at once into one fiche are
   * counted one after the other. Returns the new id, or how many bytes the fiche already used when it does
   * not fit.
   */
  async insertWithin(
    manager: EntityManager,
    file: NewFile,
    maxFicheBytes: number,
    counted: Counted,
  ): Promise<{ id: string } | { usedBytes: number }> {
    if (file.place.attachedTo !== 'fiche') throw new Error('insertWithin is for the files of a fiche’s text');
    const used = await this.usedBytes(file.place.ficheId, counted, manager);
    if (used + file.byteSize > maxFicheBytes) return { usedBytes: used };
    return this.insertRow(manager, file);
  }

  private async insertRow(manager: EntityManager, file: NewFile): Promise<{ id: string }> {
    const place = file.place;
    const [row] = await manager.query(
      `INSERT INTO files (attached_to, fiche_id, thread_id, meeting_id, meeting_section, name, media_type, kind,
         byte_size, sha256, width, height, content_key, display_key, display_media_type, display_byte_size,
         display_sha256, display_width, display_height, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       RETURNING id`,
      [
        place.attachedTo,
        'ficheId' in place ? place.ficheId : null,
        'threadId' in place ? place.threadId : null,
        'meetingId' in place ? place.meetingId : null,
        'section' in place ? place.section : null,
        file.name,
        file.mediaType,
        file.kind,
        file.byteSize,
        file.sha256,
        file.width,
        file.height,
        file.contentKey,
        file.display?.key ?? null,
        file.display?.mediaType ?? null,
        file.display?.byteSize ?? null,
        file.display?.sha256 ?? null,
        file.display?.width ?? null,
        file.display?.height ?? null,
        file.createdById,
      ],
    );
    return { id: row.id as string };
  }

  /**
   * Files of messages and comments uploaded before `before` that no sweep has found carried yet, oldest
   * first, with their store keys.
   */
  unsentBefore(
    before: Date,
    limit: number,
  ): Promise<
    Array<{ id: string; attachedTo: 'message' | 'comment'; contentKey: string; displayKey: string | null }>
  > {
    return this.dataSource.query(
      `SELECT id, attached_to AS "attachedTo", content_key AS "contentKey", display_key AS "displayKey"
         FROM files WHERE attached_to IN ('message', 'comment') AND held_since IS NULL AND created_at <= $1
        ORDER BY created_at, id LIMIT $2`,
      [before, limit],
    );
  }

  /** Records that a message or a comment carries these files (the unsent sweep leaves them). */
  async markHeld(ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      'UPDATE files SET held_since = $2 WHERE id = ANY($1::uuid[]) AND held_since IS NULL',
      [ids, now],
    );
  }

  /** Deletes an unsent file unless found held meanwhile; false when it was gone or held. */
  async deleteUnsent(id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      'DELETE FROM files WHERE id = $1 AND held_since IS NULL RETURNING id',
      [id],
    );
    return rows.length > 0;
  }

  /** Those of the store `keys` a file points at (as its original or its screen version). */
  async referencedKeys(keys: string[]): Promise<Set<string>> {
    const rows: Array<{ key: string }> = await this.dataSource.query(
      `SELECT content_key AS key FROM files WHERE content_key = ANY($1::text[])
       UNION SELECT display_key FROM files WHERE display_key = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** The fiches that have files (for the unused-files sweep). */
  async fichesWithFiles(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT fiche_id AS id FROM files WHERE attached_to = 'fiche'`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Records what the sweep found: the fiche's files in `inUse` are used again, the others unused since
   * `now` unless already found unused earlier.
   */
  async markUse(ficheId: string, inUse: ReadonlySet<string>, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE files SET unused_since = NULL
       WHERE fiche_id = $1 AND attached_to = 'fiche' AND id = ANY($2::uuid[]) AND unused_since IS NOT NULL`,
      [ficheId, [...inUse]],
    );
    await this.dataSource.query(
      `UPDATE files SET unused_since = $3
       WHERE fiche_id = $1 AND attached_to = 'fiche' AND NOT (id = ANY($2::uuid[])) AND unused_since IS NULL`,
      [ficheId, [...inUse], now],
    );
  }

  /** The fiche's files found unused since before `before` (to delete), with their store keys. */
  unusedBefore(
    ficheId: string,
    before: Date,
  ): Promise<Array<{ id: string; contentKey: string; displayKey: string | null }>> {
    return this.dataSource.query(
      `SELECT id, content_key AS "contentKey", display_key AS "displayKey" FROM files
       WHERE fiche_id = $1 AND attached_to = 'fiche' AND unused_since <= $2`,
      [ficheId, before],
    );
  }

  /**
   * Deletes the file if it is still unused since before `before`; false when it is gone already (another
   * node deleted it) or used again: so two sweeps at once delete each file once.
   */
  async deleteUnused(id: string, before: Date): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      'DELETE FROM files WHERE id = $1 AND unused_since <= $2 RETURNING id',
      [id, before],
    );
    return rows.length > 0;
  }

  private select(where: string, params: unknown[]): Promise<FileRow[]> {
    return this.dataSource.query(
      `SELECT ${FILE_COLUMNS} FROM files f JOIN user_cards u ON u.id = f.created_by_id WHERE ${where}
       ORDER BY f.created_at, f.id`,
      params,
    );
  }
}
