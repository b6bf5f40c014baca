import type { FicheSummary } from '@affluents/contracts';
import type * as Y from 'yjs';
import type { ExportFiles } from '../files/files.service';

/** Which text of the fiche is exported: a frozen version, or the live text when `null`. */
export interface ExportedVersion {
  number: number;
  label: string;
  createdAt: string;
  createdBy: string;
}

/** An open comment shown as a numbered note (its text passage found again through its end anchor). */
export interface ExportNote {
  id: string;
  quote: string;
  body: string;
  author: string;
  createdAt: string;
  /** Base64 of the Yjs relative position that ends the commented passage. */
  anchorEnd: string;
  replies: Array<{ author: string; body: string }>;
}

/** Everything one fiche's PDF shows. The caller owns `doc` and destroys it after rendering. */
export interface FicheExportSource {
  summary: FicheSummary;
  authors: string[];
  version: ExportedVersion | null;
  doc: Y.Doc;
  notes: ExportNote[];
  /** The images (screen versions) and attached files the text shows, of this fiche only. */
  files: ExportFiles;
}
