import type { ExportBookletQuery } from '@affluents/contracts';
import { can, type FicheSearchHit, type Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import { forbidden, notFound } from '../../common/errors/app-error';
import { FicheCommentsService } from '../comments/fiche-comments.service';
import { FicheDocuments } from '../fiches/fiche-documents.port';
import { FicheSearchService } from '../fiches/fiche-search.service';
import type { FrozenVersion } from '../fiches/fiche-version-rows';
import { FichesService } from '../fiches/fiches.service';
import { FilesService } from '../files/files.service';
import type { ExportedVersion, FicheExportSource } from './fiche-export-source';

/** A booklet holds at most this many fiches, so one request cannot build an unbounded document. */
const BOOKLET_MAX_FICHES = 100;

/**
 * Gathers what an export shows, under the rules the rest of the app applies: one fiche exactly as its
 * Markdown export allows (FichesService.detail decides), a booklet exactly as the toolbox search does
 * (FicheSearchService decides which fiches, and whether the caller gets the live draft or the
 * published version).
 */
@Injectable()
export class FicheExportService {
  constructor(
    private readonly fiches: FichesService,
    private readonly comments: FicheCommentsService,
    private readonly search: FicheSearchService,
    private readonly documents: FicheDocuments,
    private readonly files: FilesService,
  ) {}

  /** One fiche (live text or a version), with its open comments when asked. 403/404 before any byte. */
  async ficheSource(
    id: string,
    options: { versionId?: string; comments?: 'open' },
    subject: Subject,
  ): Promise<FicheExportSource> {
    const {
      docName,
      authors,
      versions: _versions,
      liveDocument,
      publishedVersionId,
      ...summary
    } = await this.fiches.detail(id, subject);
    if (options.comments === 'open' && !can(subject, 'fiche.comment', { groupId: summary.group.id })) {
      throw forbidden('Les commentaires sont réservés aux membres du groupe de la fiche.');
    }
    // Readers outside the group reach the published version only, never the live draft.
    const versionId = liveDocument ? options.versionId : (options.versionId ?? publishedVersionId);
    if (!liveDocument && versionId !== publishedVersionId) throw notFound('Version introuvable');
    let version: ExportedVersion | null = null;
    let doc: Y.Doc;
    if (versionId) {
      const row = await this.fiches.frozenVersion(id, versionId);
      if (!row) throw notFound('Version introuvable');
      version = this.exportedVersion(row);
      doc = this.docOf(row.snapshot);
    } else {
      doc = await this.documents.read(docName);
    }
    try {
      const notes = options.comments === 'open' ? await this.comments.openNotes(id) : [];
      // The files this text shows: the caller reads this text, so its files (of this fiche) too.
      const files = await this.files.forExport(id, doc);
      return { summary, authors: authors.map((a) => a.displayName), version, doc, notes, files };
    } catch (err) {
      doc.destroy();
      throw err;
    }
  }

  /** The toolbox search's first results, in its order, as the caller sees them. */
  async bookletHits(
    query: ExportBookletQuery,
    subject: Subject,
  ): Promise<{ hits: FicheSearchHit[]; total: number }> {
    const pageSize = 50;
    const hits: FicheSearchHit[] = [];
    let total = 0;
    for (let page = 1; hits.length < BOOKLET_MAX_FICHES; page++) {
      const result = await this.search.search({ ...query, page, pageSize }, subject);
      total = result.total;
      hits.push(...result.items);
      if (result.items.length < pageSize || hits.length >= total) break;
    }
    return { hits: hits.slice(0, BOOKLET_MAX_FICHES), total };
  }

  /**
   * One booklet fiche: the live draft when the search matched the caller's own group's draft, else the
   * published version (frozen snapshot). Never comments: a booklet is for reading.
   */
  async bookletSource(hit: FicheSearchHit): Promise<FicheExportSource | null> {
    const { matchedVersion, snippet, rank, ...summary } = hit;
    const fiche = await this.fiches.ref(hit.id);
    if (!fiche) return null;
    const base = { summary, authors: await this.fiches.authorNames(hit.id), notes: [] };
    if (matchedVersion === 'draft') {
      return this.withFiles(hit.id, {
        ...base,
        version: null,
        doc: await this.documents.read(fiche.docName),
      });
    }
    const row = fiche.publishedVersionId
      ? await this.fiches.frozenVersion(hit.id, fiche.publishedVersionId)
      : null;
    if (!row) return null;
    return this.withFiles(hit.id, {
      ...base,
      version: this.exportedVersion(row),
      doc: this.docOf(row.snapshot),
    });
  }

  /** Adds the files the text shows to a booklet fiche (its document is freed if that fails). */
  private async withFiles(
    ficheId: string,
    source: Omit<FicheExportSource, 'files'>,
  ): Promise<FicheExportSource> {
    try {
      return { ...source, files: await this.files.forExport(ficheId, source.doc) };
    } catch (err) {
      source.doc.destroy();
      throw err;
    }
  }

  private exportedVersion(row: FrozenVersion): ExportedVersion {
    return { number: row.number, label: row.label, createdAt: row.createdAt, createdBy: row.createdBy };
  }

  private docOf(snapshot: Buffer): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    return doc;
  }
}
