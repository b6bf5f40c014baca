import { z } from 'zod';
import { Id, Timestamp } from './common';

/**
 * Files (fichiers) people put in their work: images shown in a fiche's text and documents attached to
 * it. One store for every feature (fiches now; messages, comments and meetings later): the same limits,
 * checks and download rules. See docs/FILES.md.
 */

/**
 * What a file is attached to, which decides who reads it: a fiche's text, a message of a thread, a
 * comment (or reply) on a fiche, a meeting's agenda or minutes.
 */
export const fileAttachedTo = ['fiche', 'message', 'comment', 'meeting'] as const;
export const FileAttachedTo = z.enum(fileAttachedTo);
export type FileAttachedTo = z.infer<typeof FileAttachedTo>;

/** Where a meeting's file goes on the meeting's page. */
export const meetingFileSections = ['agenda', 'minutes'] as const;
export const MeetingFileSection = z.enum(meetingFileSections);
export type MeetingFileSection = z.infer<typeof MeetingFileSection>;

/** Files one message, comment or reply may carry at most. */
export const MAX_ATTACHED_FILES = 10;

/** An image is shown in the text (resized for the screen, original kept); a document is a download. */
export const fileKinds = ['image', 'document'] as const;
export const FileKind = z.enum(fileKinds);
export type FileKind = z.infer<typeof FileKind>;

/** Images accepted, recognised from their content (never from the name). */
export const imageMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

/** Documents accepted: PDF, Microsoft Office (old and new formats) and OpenDocument. */
export const documentMediaTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
] as const;

/** Every media type the store accepts: the allow-list. */
export const acceptedMediaTypes: readonly string[] = [...imageMediaTypes, ...documentMediaTypes];

/** File-name extensions offered by the file picker (a hint only: the server checks the content). */
export const acceptedFileExtensions = [
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.gif',
  '.pdf',
  '.docx',
  '.xlsx',
  '.pptx',
  '.doc',
  '.xls',
  '.ppt',
  '.odt',
  '.ods',
  '.odp',
] as const;

/** A stored file, as listed and as returned by an upload. */
export const StoredFile = z.object({
  id: Id,
  /** What it is attached to (access follows it). */
  attachedTo: FileAttachedTo,
  /** The fiche the file belongs to (its text, or its comments). */
  ficheId: Id.nullable(),
  /** The meeting and the part of its page it belongs to, for a meeting's file. */
  meetingId: Id.nullable(),
  meetingSection: MeetingFileSection.nullable(),
  /** The name as uploaded, cleaned of path separators and control characters. */
  name: z.string(),
  /** Recognised from the content. */
  mediaType: z.string(),
  kind: FileKind,
  /** Size of the original, in bytes. */
  byteSize: z.number().int(),
  /** Pixel size of the original image; null for documents. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdBy: z.object({ id: Id, displayName: z.string() }),
  createdAt: Timestamp,
});
export type StoredFile = z.infer<typeof StoredFile>;

/** Size limits, set by the server's configuration (FILE_MAX_BYTES, FICHE_FILES_MAX_BYTES). */
export const FileLimits = z.object({
  maxFileBytes: z.number().int(),
  maxFicheBytes: z.number().int(),
});
export type FileLimits = z.infer<typeof FileLimits>;

/** A file as a message or a comment shows it: enough to draw a thumbnail, a PDF card or a download card. */
export const AttachedFile = StoredFile.pick({
  id: true,
  name: true,
  mediaType: true,
  kind: true,
  byteSize: true,
  width: true,
  height: true,
});
export type AttachedFile = z.infer<typeof AttachedFile>;

/** The ids of the files a new message, comment or reply carries (uploaded beforehand by its author). */
export const AttachedFileIds = z
  .array(Id, { message: 'Les fichiers joints sont invalides' })
  .max(MAX_ATTACHED_FILES, { message: `Fichiers joints : ${MAX_ATTACHED_FILES} au maximum` });

/** GET /api/meetings/:id/files: the files of a meeting's agenda and of its minutes, oldest first. */
export const MeetingFiles = z.object({
  agenda: z.array(StoredFile),
  minutes: z.array(StoredFile),
  limits: FileLimits,
});
export type MeetingFiles = z.infer<typeof MeetingFiles>;

/** GET /api/fiches/:id/files: the fiche's files, the space they use and the limits. */
export const FicheFiles = z.object({
  items: z.array(StoredFile),
  usedBytes: z.number().int(),
  limits: FileLimits,
});
export type FicheFiles = z.infer<typeof FicheFiles>;

/** Name of the multipart field that carries the file in an upload. */
export const FILE_FORM_FIELD = 'file';

/** Width, in pixels, of the screen version of an image (the original is kept as uploaded). */
export const DISPLAY_IMAGE_MAX_WIDTH = 1600;

/** "2,4 Mo": a size as French readers expect it. */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  const units = ['ko', 'Mo', 'Go'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toLocaleString('fr-BE', { maximumFractionDigits: digits })} ${units[unit]}`;
}
