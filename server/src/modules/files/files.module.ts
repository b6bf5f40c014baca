import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CommentsModule } from '../comments/comments.module';
import { DiscussionsModule } from '../discussions/discussions.module';
import { FichesModule } from '../fiches/fiches.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { FileStore } from './file-store';
import { FicheFilesController, FilesController } from './files.controller';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';
import { PostgresFileStore } from './postgres-file-store';

/**
 * Images and documents put in fiches, messages, comments and meetings (docs/FILES.md): uploads checked
 * while they stream, one file store behind FileStore (PostgreSQL unless FILE_STORE says otherwise),
 * downloads under the access of what they are attached to.
 */
@Module({
  // Access to a file follows what it is attached to: each of these says who reaches its things.
  imports: [FichesModule, DiscussionsModule, CommentsModule, MeetingsModule],
  controllers: [FicheFilesController, FilesController],
  providers: [
    FilesService,
    FilesRepository,
    {
      provide: FileStore,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource): FileStore => {
        switch (config.files.store) {
          case 'postgres':
            return new PostgresFileStore(dataSource);
        }
      },
    },
  ],
  // The PDF exports draw a fiche's images and list its files.
  exports: [FilesService],
})
export class FilesModule {}
