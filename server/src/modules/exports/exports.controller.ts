import type { ExportBookletQuery, ExportFichePdfQuery } from '@affluents/contracts';
import { routes } from '@affluents/contracts';
import { Controller, Logger, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { PdfExporter, type PdfFile } from './pdf-exporter.service';
import { createPdf } from './pdf-layout';

const r = routes.exports;

/** Streams a PDF; a failure once bytes are out can only cut the response (and is logged). */
export async function streamPdf(file: PdfFile, response: Response, logger: Logger): Promise<void> {
  const doc = createPdf(file.title);
  response.status(200);
  response.type('application/pdf');
  response.attachment(file.filename);
  response.setHeader('Cache-Control', 'private, no-store');
  doc.pipe(response);
  try {
    await file.write(doc);
    doc.end();
  } catch (err) {
    logger.error(`PDF export failed: ${(err as Error).message}`);
    doc.unpipe(response);
    response.destroy(err as Error);
  }
}

/**
 * One fiche as PDF, beside its Markdown export. Who may export what is decided by the fiches rules
 * (see FicheExportService); this route only streams the result.
 */
@Controller()
export class FichePdfController {
  private readonly logger = new Logger('Exports');

  constructor(private readonly exporter: PdfExporter) {}

  @Route(r.fiche)
  async fiche(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: ExportFichePdfQuery,
    @Res() response: Response,
  ): Promise<void> {
    await streamPdf(await this.exporter.fiche(id, query, auth.subject), response, this.logger);
  }
}

/**
 * The toolbox results as one booklet. Not under `/api/fiches/`: the fiches controller's `GET :id`
 * is registered first and would take `export.pdf` for an id.
 */
@Controller()
export class BookletController {
  private readonly logger = new Logger('Exports');

  constructor(private readonly exporter: PdfExporter) {}

  @Route(r.booklet)
  async booklet(
    @Auth() auth: AuthContext,
    @Query() query: ExportBookletQuery,
    @Res() response: Response,
  ): Promise<void> {
    await streamPdf(await this.exporter.booklet(query, auth.subject), response, this.logger);
  }
}
