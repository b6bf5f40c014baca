import type { Readable } from 'node:stream';
import { FILE_FORM_FIELD } from '@affluents/contracts';
import busboy from 'busboy';
import type { Request } from 'express';
import { badRequest } from '../../common/errors/app-error';
import { cleanFileName, fileErrors } from './file-checks';

/** The file field of an upload, streaming as it arrives. */
export interface FilePart {
  /** The name as sent by the browser (not cleaned yet). */
  filename: string;
  stream: Readable;
  /** Stops reading the file and discards the rest of the request, so the answer still reaches the client. */
  abandon(): void;
}

/**
 * Reads a multipart/form-data request (busboy, streaming) up to its `file` field and hands that field's
 * bytes over as they arrive: nothing is buffered here. Other fields and further files are skipped. A
 * client that goes away, or an upload that lasts beyond `maxDurationMs`, ends the file stream with an
 * error, so whoever reads it stops and cleans up.
 */
export function receiveFilePart(
  request: Request,
  options: { maxFileBytes: number; maxDurationMs: number },
): Promise<FilePart> {
  return new Promise<FilePart>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Browsers send file names in UTF-8.
        defParamCharset: 'utf8',
        // One byte past the limit is enough to know the file is too large.
        limits: { files: 1, fields: 20, parts: 30, fieldSize: 4096, fileSize: options.maxFileBytes + 1 },
      });
    } catch {
      reject(fileErrors.notMultipart());
      return;
    }
    let file: Readable | null = null;
    let settled = false;
    const abandon = () => {
      request.unpipe(parser);
      file?.destroy();
      // Read and drop the rest of the body: the client gets the answer once it has sent it.
      request.resume();
    };
    const fail = (err: Error) => {
      if (file) file.destroy(err);
      else if (!settled) {
        settled = true;
        abandon();
        reject(err);
      }
    };
    const timer = setTimeout(
      () => fail(fileErrors.tooSlow(cleanFileName(fileName), Math.round(options.maxDurationMs / 60000))),
      options.maxDurationMs,
    );
    timer.unref();
    let fileName = '';
    parser.on('file', (field, stream, info) => {
      if (field !== FILE_FORM_FIELD || file || settled) {
        stream.resume();
        return;
      }
      file = stream;
      fileName = info.filename ?? '';
      settled = true;
      stream.once('close', () => clearTimeout(timer));
      resolve({ filename: fileName, stream, abandon });
    });
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(fileErrors.missingFile());
    });
    parser.on('error', () => {
      clearTimeout(timer);
      fail(
        badRequest('Le formulaire envoyé est mal formé (multipart/form-data).', [
          { path: 'file', message: 'Formulaire mal formé' },
        ]),
      );
    });
    // A client that went away before the end: whoever reads the file stops (and removes what it wrote).
    request.on('error', () => undefined);
    request.on('close', () => {
      if (!request.complete) {
        clearTimeout(timer);
        fail(badRequest('L’envoi du fichier a été interrompu avant la fin.'));
      }
    });
    request.pipe(parser);
  });
}
