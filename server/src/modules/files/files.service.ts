import { Readable } from 'node:stream';
import {
  can,
  type FicheFiles,
  fileDownloadPath,
  type MeetingFileSection,
  type MeetingFiles,
  type StoredFile,
  type Subject,
} from '@affluents/contracts';
import { fileReferences } from '@affluents/editor/template';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type * as Y from 'yjs';
import { AppError, conflict, forbidden, notFound } from '../../common/errors/app-error';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { FicheCommentsService } from '../comments/fiche-comments.service';
import { MessageFiles } from '../discussions/message-files';
import { FicheReach, type FicheReachOf } from '../fiches/fiche-reach';
import { MeetingAccess } from '../meetings/meeting-access';
import { makeDisplayImage } from './display-image';
import { cleanFileName, fileErrors, UploadCheck } from './file-checks';
import { FileStore, type StoredContent } from './file-store';
import {
  type Counted,
  type FilePlace,
  type FileRow,
  FilesRepository,
  toStoredFile,
} from './files.repository';

/** Contents older than this that no file refers to are removed (an upload never lasts as long). */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** Longest upload; well under ORPHAN_AGE_MS, so the sweep never removes a content still being written. */
export const UPLOAD_MAX_DURATION_MS = 30 * 60 * 1000;
const SWEEP_BATCH = 200;

/**
 * Where an upload goes, once the caller may add files there; `usedBytes`: what a fiche's text already
 * uses (its total is limited), null elsewhere (only the size of each file is).
 */
export interface UploadTarget {
  place: FilePlace;
  usedBytes: number | null;
}

/** A file to send: its headers' facts and a function that opens its bytes (streamed from the store). */
export interface FileDownload {
  name: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  open(): Readable;
}

/** What a PDF export draws of a fiche's files: the screen version of its images, the facts of the others. */
export interface ExportFiles {
  images: Map<string, { data: Buffer; width: number; height: number }>;
  files: Map<string, { name: string; mediaType: string; byteSize: number; url: string }>;
}

/**
 * Files of fiches: uploads checked while they stream into the store, downloads under the fiche's access
 * rule, and the files an export shows. Access is never decided here: FicheReach (the fiches rules) says
 * how the caller reaches the fiche; a reader of the published version only gets the files that
 * version's text refers to.
 */
@Injectable()
export class FilesService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Files');
  private readonly sweepJob: RecurringJob;
  private startupSweep: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: FilesRepository,
    private readonly store: FileStore,
    private readonly fiches: FicheReach,
    private readonly messages: MessageFiles,
    private readonly comments: FicheCommentsService,
    private readonly meetings: MeetingAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sweepJob = new RecurringJob('FileSweep', () => this.sweep(), {
      intervalMs: ORPHAN_AGE_MS,
      ready: () => dataSource.isInitialized,
    });
  }

  onApplicationBootstrap(): void {
    // A node that stopped mid-upload left contents behind, files left the texts: sweep now, then hourly.
    this.startupSweep = this.sweepJob.runNow();
    this.sweepJob.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweepJob.stop();
    await this.startupSweep;
  }

  get limits() {
    return { maxFileBytes: this.config.files.maxFileBytes, maxFicheBytes: this.config.files.maxFicheBytes };
  }

  /**
   * Checks, before any byte is read, that `subject` may add a file to the fiche: a member of its group
   * (fiche.edit), the fiche not archived.
   */
  async uploadTarget(ficheId: string, subject: Subject): Promise<UploadTarget> {
    const reach = await this.fiches.of(ficheId, subject);
    if (reach.access !== 'write') {
      if (reach.member && reach.status === 'archived')
        throw conflict('Cette fiche est archivée : restaurez-la avant d’y ajouter des fichiers.');
      throw forbidden('Seuls les membres du groupe de la fiche peuvent y ajouter des fichiers.');
    }
    return {
      place: { attachedTo: 'fiche', ficheId },
      usedBytes: await this.repository.usedBytes(ficheId, await this.counted(ficheId)),
    };
  }

  /** Checks, before any byte is read, that `subject` may post in the thread (message.post, not locked). */
  async threadUploadTarget(threadId: string, subject: Subject): Promise<UploadTarget> {
    await this.messages.assertCanAttach(threadId, subject);
    return { place: { attachedTo: 'message', threadId }, usedBytes: null };
  }

  /** Checks, before any byte is read, that `subject` may comment on the fiche (fiche.comment, not archived). */
  async commentUploadTarget(ficheId: string, subject: Subject): Promise<UploadTarget> {
    await this.comments.assertCanAttach(ficheId, subject);
    return { place: { attachedTo: 'comment', ficheId }, usedBytes: null };
  }

  /** Checks, before any byte is read, that `subject` may add files to the meeting (meeting.attach). */
  async meetingUploadTarget(
    meetingId: string,
    section: MeetingFileSection,
    subject: Subject,
  ): Promise<UploadTarget> {
    await this.meetings.assert(meetingId, subject, 'meeting.attach');
    return { place: { attachedTo: 'meeting', meetingId, section }, usedBytes: null };
  }

  /** The files of a meeting's agenda and minutes, for whoever sees the meeting (members, its guests). */
  async meetingFiles(meetingId: string, subject: Subject): Promise<MeetingFiles> {
    await this.meetings.assert(meetingId, subject, 'meeting.view');
    const files = (await this.repository.ofMeeting(meetingId)).map(toStoredFile);
    return {
      agenda: files.filter((f) => f.meetingSection === 'agenda'),
      minutes: files.filter((f) => f.meetingSection === 'minutes'),
      limits: this.limits,
    };
  }

  /** Removes a meeting's file: the one who attached it, or a facilitator of the group (meeting.manage). */
  async removeMeetingFile(meetingId: string, fileId: string, subject: Subject): Promise<void> {
    const { target } = await this.meetings.assert(meetingId, subject, 'meeting.view');
    const row = await this.repository.byId(fileId);
    if (!row || row.meetingId !== meetingId) throw notFound('Fichier introuvable');
    if (row.createdById !== subject.userId && !can(subject, 'meeting.manage', target))
      throw forbidden('Seuls la personne qui l’a joint et l’animation du groupe peuvent retirer ce fichier.');
    const keys = await this.repository.delete(fileId);
    for (const key of keys ?? [])
      await this.store.delete(key).catch((e: Error) => this.logger.warn(`removing ${key}: ${e.message}`));
  }

  /**
   * Which of the fiche's files count against its space: those its texts use (the fiches' rule,
   * `FicheReach.filesInUse`), and those not found unused for FILE_UNUSED_GRACE_HOURS yet.
   */
  private async counted(ficheId: string, now: Date = new Date()): Promise<Counted> {
    return {
      inUse: await this.fiches.filesInUse(ficheId),
      since: new Date(now.getTime() - this.config.files.unusedGraceMs),
    };
  }

  /**
   * Stores an upload: its type recognised from its first bytes (refused before anything is written),
   * its size counted as it streams (refused as soon as a limit is passed), an image's screen version
   * made, then the file row written under a lock on the fiche that checks its total once more. Any
   * failure removes what was written.
   */
  async upload(
    target: UploadTarget,
    rawName: string,
    stream: Readable,
    subject: Subject,
  ): Promise<StoredFile> {
    const name = cleanFileName(rawName);
    const { maxFileBytes, maxFicheBytes } = this.limits;
    // Only a fiche's text has a total; elsewhere each file is limited on its own.
    const remaining = target.usedBytes === null ? Number.POSITIVE_INFINITY : maxFicheBytes - target.usedBytes;
    const check = new UploadCheck(name, { maxFileBytes, maxFicheBytes, remaining });
    const written: string[] = [];
    try {
      const original = await this.store.write(check.bytes(stream));
      written.push(original.key);
      const recognised = check.recognised();
      let display: (StoredContent & { mediaType: string; width: number; height: number }) | null = null;
      let size: { width: number; height: number } | null = null;
      if (recognised.kind === 'image') {
        const variant = await makeDisplayImage(check.takeImage(), recognised.mediaType, name);
        size = { width: variant.originalWidth, height: variant.originalHeight };
        const stored = await this.store.write(Readable.from([variant.data]));
        written.push(stored.key);
        display = { ...stored, mediaType: variant.mediaType, width: variant.width, height: variant.height };
      }
      const place = target.place;
      const file = {
        place,
        name,
        mediaType: recognised.mediaType,
        kind: recognised.kind,
        byteSize: original.byteSize,
        sha256: original.sha256,
        width: size?.width ?? null,
        height: size?.height ?? null,
        contentKey: original.key,
        display,
        createdById: subject.userId,
      };
      let inserted: { id: string } | { usedBytes: number };
      if (place.attachedTo === 'fiche') {
        const counted = await this.counted(place.ficheId);
        // Under the fiche's lock: two uploads at once into one fiche are counted one after the other.
        inserted = await this.dataSource.transaction(async (manager) => {
          await this.fiches.lock(manager, place.ficheId);
          return this.repository.insertWithin(manager, file, maxFicheBytes, counted);
        });
      } else {
        inserted = await this.repository.insert(file);
      }
      if ('usedBytes' in inserted)
        throw fileErrors.ficheFull(name, maxFicheBytes, maxFicheBytes - inserted.usedBytes);
      const { id } = inserted;
      // Claimed once the file exists; should this fail, the sweep finds the file and claims them itself.
      await this.store
        .keep(written)
        .catch((e: Error) => this.logger.warn(`claiming contents of ${id}: ${e.message}`));
      return toStoredFile((await this.repository.byId(id)) as FileRow);
    } catch (err) {
      stream.resume();
      for (const key of written)
        await this.store.delete(key).catch((e: Error) => this.logger.warn(`removing ${key}: ${e.message}`));
      throw err;
    }
  }

  /** The fiche's files with the space they use, for the members who see its live text. */
  async list(ficheId: string, subject: Subject): Promise<FicheFiles> {
    const reach = await this.fiches.of(ficheId, subject);
    if (!reach.live) throw forbidden('La liste des fichiers d’une fiche est réservée à son groupe.');
    const items = (await this.repository.ofFiche(ficheId)).map(toStoredFile);
    const usedBytes = await this.repository.usedBytes(ficheId, await this.counted(ficheId));
    return { items, usedBytes, limits: this.limits };
  }

  /**
   * A file to download (`original`), a PDF to show (`preview`) or the screen version of an image
   * (`display`), when `subject` reaches what it is attached to; 404 otherwise, whether it exists or not.
   */
  async download(
    fileId: string,
    variant: 'original' | 'preview' | 'display',
    subject: Subject,
  ): Promise<FileDownload> {
    const missing = () => notFound('Fichier introuvable');
    const row = await this.repository.byId(fileId);
    if (!row || !(await this.readable(row, subject))) throw missing();
    if (variant === 'preview' && row.mediaType !== 'application/pdf') throw missing();
    if (variant === 'display') {
      if (!row.displayKey || !row.displayMediaType || !row.displaySha256) throw missing();
      const key = row.displayKey;
      return {
        name: row.name,
        mediaType: row.displayMediaType,
        byteSize: row.displayByteSize as number,
        sha256: row.displaySha256,
        open: () => this.store.read(key),
      };
    }
    return {
      name: row.name,
      mediaType: row.mediaType,
      byteSize: row.byteSize,
      sha256: row.sha256,
      open: () => this.store.read(row.contentKey),
    };
  }

  /**
   * Whether `subject` reaches what the file is attached to, by that thing's own rule: the fiche's
   * (FicheReach), the thread's of the message that carries it (MessageFiles), the fiche's comments'
   * (FicheCommentsService), the meeting's (MeetingAccess: members and its guests).
   */
  private async readable(row: FileRow, subject: Subject): Promise<boolean> {
    switch (row.attachedTo) {
      case 'fiche':
        return this.readableInFiche(row, subject);
      case 'message':
        return this.messages.canRead(
          { id: row.id, threadId: row.threadId as string, createdById: row.createdById },
          subject,
        );
      case 'comment':
        return this.comments.canReadFile(
          { id: row.id, ficheId: row.ficheId as string, createdById: row.createdById },
          subject,
        );
      case 'meeting':
        return this.meetings.canView(row.meetingId as string, subject);
    }
  }

  /** A fiche's file: its live text's readers read all; its published version's readers, that version's. */
  private async readableInFiche(row: FileRow, subject: Subject): Promise<boolean> {
    if (!row.ficheId) return false;
    let reach: FicheReachOf;
    try {
      reach = await this.fiches.of(row.ficheId, subject);
    } catch (err) {
      if (err instanceof AppError && (err.status === 403 || err.status === 404)) return false;
      throw err;
    }
    if (reach.live) return true;
    // The published version's readers get the files its text shows, never those of the draft.
    const shown = reach.publishedVersionId
      ? await this.fiches.versionFileIds(row.ficheId, reach.publishedVersionId)
      : new Set<string>();
    return shown.has(row.id);
  }

  /**
   * The files a fiche's text (`doc`: its live text or a version the caller may read) shows, for a PDF:
   * only files of that fiche (an id copied from another fiche's text stays out), images as their screen
   * version's bytes (at most DISPLAY_IMAGE_MAX_WIDTH wide, so a bounded size in memory).
   */
  async forExport(ficheId: string, doc: Y.Doc): Promise<ExportFiles> {
    const result: ExportFiles = { images: new Map(), files: new Map() };
    const ids = fileReferences(doc).map((r) => r.fileId);
    if (ids.length === 0) return result;
    const rows = await this.repository.inFiche(ficheId, ids);
    for (const row of rows) {
      result.files.set(row.id, {
        name: row.name,
        mediaType: row.mediaType,
        byteSize: row.byteSize,
        url: `${this.config.publicUrl}${fileDownloadPath(row.id)}`,
      });
      if (row.kind === 'image' && row.displayKey && row.displayWidth && row.displayHeight) {
        try {
          const data = await readAll(this.store.read(row.displayKey));
          result.images.set(row.id, { data, width: row.displayWidth, height: row.displayHeight });
        } catch (err) {
          this.logger.warn(`export: image ${row.id} unreadable: ${(err as Error).message}`);
        }
      }
    }
    return result;
  }

  /** The hourly work: files no text uses any more, uploads never sent, then contents no file claims. */
  async sweep(now: Date = new Date()): Promise<void> {
    await this.sweepUnused(now);
    await this.sweepUnsent(now);
    await this.sweepOrphans(now);
  }

  /**
   * Files uploaded for a message or a comment that none carries FILE_UNUSED_GRACE_HOURS later (a draft
   * abandoned, a file removed before sending) are deleted, row then contents; those carried are marked
   * held and never looked at again. Returns how many were deleted.
   */
  async sweepUnsent(now: Date = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.files.unusedGraceMs);
    let removed = 0;
    for (;;) {
      const batch = await this.repository.unsentBefore(before, SWEEP_BATCH);
      const held: string[] = [];
      for (const file of batch) {
        const carried =
          file.attachedTo === 'message'
            ? await this.messages.isHeld(file.id)
            : await this.comments.fileHeld(file.id);
        if (carried) {
          held.push(file.id);
          continue;
        }
        const keys = file.displayKey ? [file.contentKey, file.displayKey] : [file.contentKey];
        await this.store.release(keys);
        if (!(await this.repository.deleteUnsent(file.id))) continue;
        for (const key of keys) await this.store.delete(key);
        removed += 1;
      }
      await this.repository.markHeld(held, now);
      if (batch.length < SWEEP_BATCH) break;
    }
    if (removed > 0) this.logger.log(`deleted ${removed} file(s) uploaded but never sent`);
    return removed;
  }

  /**
   * For each fiche with files: records which of them no text uses (neither the live text nor a version:
   * `FicheReach.filesInUse`) since when, and deletes those unused for FILE_UNUSED_GRACE_HOURS: the row
   * first, then its contents (released beforehand, so the orphan sweep finishes should this stop
   * half-way). Never a file whose row exists without its bytes. Two nodes at once delete each file once
   * (`deleteUnused` says which one did). Returns how many files were deleted.
   */
  async sweepUnused(now: Date = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.files.unusedGraceMs);
    let removed = 0;
    for (const ficheId of await this.repository.fichesWithFiles()) {
      let inUse: ReadonlySet<string>;
      try {
        inUse = await this.fiches.filesInUse(ficheId);
      } catch (err) {
        // Not knowing what the texts use, delete nothing of this fiche.
        this.logger.warn(`unused files of fiche ${ficheId}: ${(err as Error).message}`);
        continue;
      }
      await this.repository.markUse(ficheId, inUse, now);
      for (const file of await this.repository.unusedBefore(ficheId, before)) {
        if (inUse.has(file.id)) continue;
        const keys = file.displayKey ? [file.contentKey, file.displayKey] : [file.contentKey];
        await this.store.release(keys);
        if (!(await this.repository.deleteUnused(file.id, before))) {
          // Used again meanwhile (another node's sweep saw it back in a text): claimed again.
          const still = await this.repository.referencedKeys(keys);
          if (still.size > 0) await this.store.keep([...still]);
          continue;
        }
        for (const key of keys) await this.store.delete(key);
        removed += 1;
      }
    }
    if (removed > 0) this.logger.log(`deleted ${removed} file(s) no text uses any more`);
    return removed;
  }

  /**
   * Removes the store's contents older than ORPHAN_AGE_MS that no file claimed (an upload that failed
   * and could not clean up, a node that stopped mid-upload); claims those a file does refer to (a node
   * that stopped just after writing the file). Returns how many were removed.
   */
  async sweepOrphans(now: Date = new Date()): Promise<number> {
    let removed = 0;
    const before = new Date(now.getTime() - ORPHAN_AGE_MS);
    for (;;) {
      const keys = await this.store.unkeptBefore(before, SWEEP_BATCH);
      if (keys.length === 0) break;
      const referenced = await this.repository.referencedKeys(keys);
      if (referenced.size > 0) await this.store.keep([...referenced]);
      for (const key of keys) {
        if (referenced.has(key)) continue;
        await this.store.delete(key);
        removed += 1;
      }
      if (keys.length < SWEEP_BATCH) break;
    }
    if (removed > 0) this.logger.log(`removed ${removed} orphan file content(s)`);
    return removed;
  }
}

/** Every byte of a stream, for the bounded contents read whole (screen versions of images). */
async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
