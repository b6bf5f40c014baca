import { ApiError, FILE_FORM_FIELD, routes, StoredFile } from '@affluents/contracts';
import { ApiRequestError, apiErrorOf, hrefOf } from '../../lib/api-client';

export interface UploadOptions {
  /** Called as the bytes leave: `loaded` of `total` bytes sent. */
  onProgress?: (loaded: number, total: number) => void;
  /** Aborting rejects with an `AbortError` DOMException, as fetch does. */
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Uploads a file into a fiche's text (one multipart `file` field) and resolves with the stored file. Goes through
 * XMLHttpRequest because fetch reports no upload progress; same origin, session cookie and error shape as
 * `apiRequest` (a refused file rejects with the server's French message).
 */
export function uploadFicheFile(
  ficheId: string,
  file: File,
  options: UploadOptions = {},
): Promise<StoredFile> {
  return uploadFile(hrefOf(routes.files.upload, { params: { id: ficheId } }), file, options);
}

/**
 * Uploads a file to `url`, one of the upload routes (`routes.files.upload`, `uploadToThread`,
 * `uploadToComments`, `uploadToMeeting`), and resolves with the stored file.
 */
export function uploadFile(url: string, file: File, options: UploadOptions = {}): Promise<StoredFile> {
  const { onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    const aborted = () => new DOMException('The upload was aborted', 'AbortError');
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', onAbort);

    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded, event.total);
    });
    xhr.addEventListener('load', () => {
      settle();
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const stored = StoredFile.safeParse(payload);
        if (stored.success) {
          onProgress?.(file.size, file.size);
          resolve(stored.data);
        } else {
          reject(new ApiRequestError({ status: xhr.status, code: 'internal_error', message: 'Bad answer' }));
        }
        return;
      }
      const error = apiErrorOf({
        status: xhr.status,
        statusText: xhr.statusText,
        payload,
        retryAfter: xhr.getResponseHeader('retry-after'),
      });
      // Only the API's own body carries a message meant for people (in French); a proxy's status text is not.
      reject(
        ApiError.safeParse(payload).success
          ? error
          : new ApiRequestError({ status: error.status, code: error.code, message: '' }),
      );
    });
    xhr.addEventListener('error', () => {
      settle();
      reject(new ApiRequestError({ status: 0, code: 'network_error', message: 'Network error' }));
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(aborted());
    });
    signal?.addEventListener('abort', onAbort, { once: true });

    const form = new FormData();
    form.append(FILE_FORM_FIELD, file, file.name);
    xhr.send(form);
  });
}
