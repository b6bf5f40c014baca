import type { FicheSummary } from '@affluents/contracts';
import type * as Y from 'yjs';
import type { CommentNote } from '../comments/comment-rows';
import type { ExportFiles } from '../files/files.service';

/** Which text of the fiche is exported: a frozen version, or the live text when `null`. */
export interface ExportedVersion {
  number: number;
  label: string;
  createdAt: string;
  createdBy: string;
}

/** Everything one fiche's PDF shows. The caller owns `doc` and destroys it after rendering. */
export interface FicheExportSource {
  summary: FicheSummary;
  authors: string[];
  version: ExportedVersion | null;
  doc: Y.Doc;
  notes: CommentNote[];
  /** The images (screen versions) and attached files the text shows, of this fiche only. */
  files: ExportFiles;
}
