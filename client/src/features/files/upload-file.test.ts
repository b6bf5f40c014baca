import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../lib/api-client';
import { lastUpload, stubXhr } from './test/fake-xhr';
import { ficheId, storedPdf } from './test/stored-files';
import { uploadFicheFile } from './upload-file';

const pdf = () => new File([new Uint8Array(2048)], 'programme.pdf', { type: 'application/pdf' });

beforeEach(stubXhr);
afterEach(() => vi.unstubAllGlobals());

describe('uploadFicheFile', () => {
  it('posts the file in the `file` field of a multipart form, reports progress and resolves with the stored file', async () => {
    const progress = vi.fn();
    const result = uploadFicheFile(ficheId, pdf(), { onProgress: progress });
    const xhr = lastUpload();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(`/api/fiches/${ficheId}/files`);
    expect(xhr.headers.accept).toBe('application/json');
    expect(xhr.body).toBeInstanceOf(FormData);
    const sent = (xhr.body as FormData).get('file') as File;
    expect(sent.name).toBe('programme.pdf');
    expect(sent.size).toBe(2048);

    xhr.progress(512, 2048);
    xhr.progress(1536, 2048);
    expect(progress.mock.calls).toEqual([
      [512, 2048],
      [1536, 2048],
    ]);
    xhr.respond(201, storedPdf);
    await expect(result).resolves.toEqual(storedPdf);
    expect(progress).toHaveBeenLastCalledWith(2048, 2048);
  });

  it('rejects with the server’s French reason and code when the file is refused', async () => {
    const result = uploadFicheFile(ficheId, pdf());
    lastUpload().respond(415, {
      status: 415,
      code: 'unsupported_media_type',
      message: 'Type de fichier refusé : ce fichier n’est pas un vrai PDF (contenu reconnu : exécutable).',
      requestId: 'req-9',
    });
    const error = (await result.catch((e: unknown) => e)) as ApiRequestError;
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(415);
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toBe(
      'Type de fichier refusé : ce fichier n’est pas un vrai PDF (contenu reconnu : exécutable).',
    );
  });

  it('keeps no proxy wording: a refusal without the API’s body has a code and an empty message', async () => {
    const result = uploadFicheFile(ficheId, pdf());
    lastUpload().respond(413, '<html>413 Request Entity Too Large</html>', {
      statusText: 'Payload Too Large',
      json: false,
    });
    const error = (await result.catch((e: unknown) => e)) as ApiRequestError;
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe('');
  });

  it('rejects with a network error when the connection breaks', async () => {
    const result = uploadFicheFile(ficheId, pdf());
    lastUpload().fail();
    await expect(result).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('aborts the request when its signal is aborted, rejecting with an AbortError', async () => {
    const controller = new AbortController();
    const result = uploadFicheFile(ficheId, pdf(), { signal: controller.signal });
    const xhr = lastUpload();
    controller.abort();
    expect(xhr.aborted).toBe(true);
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
  });
});
