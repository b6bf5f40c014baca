import type { ExportBookletQuery, ExportFichePdfQuery, Subject } from '@affluents/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ficheStatusLabels, groupKindLabels, labelOf } from '../../common/french-labels';
import { slugify } from '../../common/slug';
import { BassinsService } from '../bassins/bassins.service';
import { fillContents, renderCover, tocPageCount } from './booklet-pdf';
import { FicheExportService } from './fiche-export.service';
import { renderFiche } from './fiche-pdf';
import { type Pdf, stampFooters, structureSlot } from './pdf-layout';

/** A PDF ready to stream: headers are known, `write` draws it into the given document. */
export interface PdfFile {
  filename: string;
  title: string;
  write(doc: Pdf): Promise<void>;
}

/**
 * Builds the PDF exports. Everything that can refuse (access, missing version, comments of another group)
 * happens in `fiche()` / `booklet()`, before the response starts; `write()` then only draws.
 */
@Injectable()
export class PdfExporter {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly sources: FicheExportService,
    private readonly bassins: BassinsService,
  ) {}

  /** One fiche as a PDF (its Y.Doc is loaded now and freed once drawn). */
  async fiche(id: string, query: ExportFichePdfQuery, subject: Subject): Promise<PdfFile> {
    const source = await this.sources.ficheSource(id, query, subject);
    const suffix = source.version ? `-v${source.version.number}` : '';
    return {
      filename: `fiche-${slugify(source.summary.title) || id}${suffix}.pdf`,
      title: source.summary.title,
      write: async (doc) => {
        try {
          renderFiche(doc, source);
        } finally {
          source.doc.destroy();
        }
        stampFooters(doc, new Date());
      },
    };
  }

  /**
   * The toolbox results as one booklet: cover, contents, then each fiche on new pages. The contents
   * pages are reserved right after the cover (their number follows from the number of fiches) and filled
   * last, once every fiche has its page: the reader finds them where a booklet has them.
   */
  async booklet(query: ExportBookletQuery, subject: Subject): Promise<PdfFile> {
    const { hits, total } = await this.sources.bookletHits(query, subject);
    const filters = await this.filterLines(query);
    const exportedAt = new Date();
    const day = exportedAt.toISOString().slice(0, 10);
    return {
      filename: `livret-affluents-${day}.pdf`,
      title: 'Boîte à outils Affluents',
      write: async (doc) => {
        renderCover(doc, { filters, exportedAt, shown: hits.length, total });
        const contentsPage = 1;
        const contentsPages = hits.length ? tocPageCount(doc, hits.length) : 0;
        for (let i = 0; i < contentsPages; i++) doc.addPage();
        // The contents come second in the reading order too, though they are drawn last.
        const toc = contentsPages ? structureSlot(doc, 'TOC') : undefined;
        const entries: Array<{ hit: (typeof hits)[number]; page: number; destination: string }> = [];
        for (const [i, hit] of hits.entries()) {
          // One fiche's document at a time: memory stays with the pages, not with 100 Y.Docs.
          const source = await this.sources.bookletSource(hit).catch((err: Error) => {
            this.logger.warn(`booklet: fiche ${hit.id} skipped: ${err.message}`);
            return null;
          });
          if (!source) continue;
          doc.addPage();
          const destination = `fiche-${i + 1}`;
          doc.addNamedDestination(destination);
          doc.outline.addItem(hit.title);
          entries.push({ hit, page: doc.bufferedPageRange().count, destination });
          try {
            renderFiche(doc, source);
          } finally {
            source.doc.destroy();
          }
        }
        if (contentsPages) fillContents(doc, contentsPage, entries, toc);
        stampFooters(doc, exportedAt);
      },
    };
  }

  /** The search and its filters in words, for the cover. */
  private async filterLines(query: ExportBookletQuery): Promise<Array<[string, string]>> {
    const lines: Array<[string, string]> = [];
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === '') continue;
      let shown = String(value);
      if (key === 'groupKind') shown = labelOf(groupKindLabels, shown);
      if (key === 'status') shown = labelOf(ficheStatusLabels, shown);
      if (key === 'sort') shown = shown === 'date' ? 'par date' : 'par pertinence';
      if (key === 'bassinId') {
        shown = (await this.bassins.nameOf(shown)) ?? shown;
      }
      lines.push([key, shown]);
    }
    return lines;
  }
}
