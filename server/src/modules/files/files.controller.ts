import { pipeline } from 'node:stream/promises';
import {
  type FicheFiles,
  type FileLimits,
  type MeetingFileSection,
  type MeetingFiles,
  routes,
  type StoredFile,
} from '@affluents/contracts';
import { Controller, Logger, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { type FileDownload, FilesService, UPLOAD_MAX_DURATION_MS, type UploadTarget } from './files.service';
import { receiveFilePart } from './multipart-file';

const r = routes.files;

/**
 * Uploads into what a file is attached to (a fiche's text, a thread's next message, a fiche's comments, a
 * meeting) and the lists of files. The rules of the thing attached to decide (FilesService).
 */
@Controller()
export class FicheFilesController {
  constructor(private readonly files: FilesService) {}

  /** multipart/form-data with one `file` field; 201 with the stored file. */
  @Route(r.upload)
  async upload(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Req() request: Request,
  ): Promise<StoredFile> {
    // Who may add a file is known before a byte of it is read.
    return this.receive(request, await this.files.uploadTarget(id, auth.subject), auth);
  }

  @Route(r.uploadToThread)
  async uploadToThread(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Req() request: Request,
  ): Promise<StoredFile> {
    return this.receive(request, await this.files.threadUploadTarget(id, auth.subject), auth);
  }

  @Route(r.uploadToComments)
  async uploadToComments(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Req() request: Request,
  ): Promise<StoredFile> {
    return this.receive(request, await this.files.commentUploadTarget(id, auth.subject), auth);
  }

  @Route(r.uploadToMeeting)
  async uploadToMeeting(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('section') section: MeetingFileSection,
    @Req() request: Request,
  ): Promise<StoredFile> {
    return this.receive(request, await this.files.meetingUploadTarget(id, section, auth.subject), auth);
  }

  @Route(r.list)
  list(@Auth() auth: AuthContext, @Param('id') id: string): Promise<FicheFiles> {
    return this.files.list(id, auth.subject);
  }

  @Route(r.meetingList)
  meetingList(@Auth() auth: AuthContext, @Param('id') id: string): Promise<MeetingFiles> {
    return this.files.meetingFiles(id, auth.subject);
  }

  @Route(r.removeFromMeeting)
  removeFromMeeting(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Param('fileId') fileId: string,
  ): Promise<void> {
    return this.files.removeMeetingFile(id, fileId, auth.subject);
  }

  @Route(r.limits)
  limits(): FileLimits {
    return this.files.limits;
  }

  private async receive(request: Request, target: UploadTarget, auth: AuthContext): Promise<StoredFile> {
    const part = await receiveFilePart(request, {
      maxFileBytes: this.files.limits.maxFileBytes,
      maxDurationMs: UPLOAD_MAX_DURATION_MS,
    });
    try {
      return await this.files.upload(target, part.filename, part.stream, auth.subject);
    } catch (err) {
      part.abandon();
      throw err;
    }
  }
}

/**
 * Headers of every file answer: the type recognised at upload (never the client's), no sniffing, no
 * script or plugin even if a browser opened it as a page, not embeddable by other sites.
 */
function safeHeaders(response: Response, file: FileDownload): void {
  response.setHeader('Content-Type', file.mediaType);
  response.setHeader('Content-Length', String(file.byteSize));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // Access may change (someone leaves the group): every use revalidates, cheaply, with the ETag.
  response.setHeader('Cache-Control', 'private, no-cache');
  response.setHeader('ETag', `"${file.sha256}"`);
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  (ifNoneMatch ?? '').split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === etag;
  });

/** Downloads: the original as an attachment, the screen version of an image inline. */
@Controller()
export class FilesController {
  private readonly logger = new Logger('Files');

  constructor(private readonly files: FilesService) {}

  @Route(r.original)
  async original(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.files.download(id, 'original', auth.subject);
    // Always a download, never shown as a page of the app (an HTML or SVG would otherwise run there).
    response.attachment(file.name);
    await this.send(request, response, file);
  }

  @Route(r.preview)
  async preview(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.files.download(id, 'preview', auth.subject);
    // Only a PDF (recognised from its content, sent as application/pdf with nosniff) is shown inline.
    response.setHeader('Content-Disposition', 'inline');
    await this.send(request, response, file, { pdfViewer: true });
  }

  @Route(r.display)
  async display(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.files.download(id, 'display', auth.subject);
    // Only ever a JPEG or PNG made by the server, so it may be shown inline.
    response.setHeader('Content-Disposition', 'inline');
    await this.send(request, response, file);
  }

  private async send(
    request: Request,
    response: Response,
    file: FileDownload,
    options: { pdfViewer?: boolean } = {},
  ): Promise<void> {
    safeHeaders(response, file);
    // The browser's PDF viewer does not run under `sandbox`; nothing of the page may load anything still.
    if (options.pdfViewer) response.setHeader('Content-Security-Policy', "default-src 'none'");
    if (matches(request.get('if-none-match'), `"${file.sha256}"`)) {
      response.removeHeader('Content-Length');
      response.status(304).end();
      return;
    }
    response.status(200);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    try {
      await pipeline(file.open(), response);
    } catch (err) {
      // The headers are out: the only thing left is to cut the answer (the client sees it incomplete).
      if (!response.destroyed) response.destroy();
      const message = (err as Error).message;
      if (!/premature close|aborted/i.test(message)) this.logger.warn(`sending ${file.name}: ${message}`);
    }
  }
}
