import { Module } from '@nestjs/common';
import { BassinsModule } from '../bassins/bassins.module';
import { CommentsModule } from '../comments/comments.module';
import { FichesModule } from '../fiches/fiches.module';
import { FilesModule } from '../files/files.module';
import { BookletController, FichePdfController } from './exports.controller';
import { FicheExportService } from './fiche-export.service';
import { PdfExporter } from './pdf-exporter.service';

/** PDF exports of fiches and of toolbox search results (a booklet). */
@Module({
  imports: [FichesModule, FilesModule, CommentsModule, BassinsModule],
  controllers: [FichePdfController, BookletController],
  providers: [FicheExportService, PdfExporter],
})
export class ExportsModule {}
