import type { ErrorCode, FieldError } from '@affluents/contracts';

/** An error meant for the client: carries the HTTP status, the shared error code and a French message. */
export class AppError extends Error {
  /** Sent as the Retry-After header (seconds) with a 429. */
  retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fieldErrors?: FieldError[]) =>
  new AppError(400, fieldErrors ? 'validation_failed' : 'bad_request', message, fieldErrors);
export const unauthenticated = (message = 'Connexion requise') =>
  new AppError(401, 'unauthenticated', message);
/** 403 that never says whether the resource exists elsewhere. */
export const forbidden = (message = 'Vous n’avez pas accès à cette ressource') =>
  new AppError(403, 'forbidden', message);
export const notFound = (message = 'Ressource introuvable') => new AppError(404, 'not_found', message);
export const conflict = (message: string, fieldErrors?: FieldError[]) =>
  new AppError(409, 'conflict', message, fieldErrors);
export const gone = (message: string) => new AppError(410, 'gone', message);
/** 413: an upload beyond a size limit (the message names the file and the limit). */
export const payloadTooLarge = (message: string) => new AppError(413, 'payload_too_large', message);
/** 415: content of a type the server refuses (the message names the file and what is accepted). */
export const unsupportedMediaType = (message: string) => new AppError(415, 'unsupported_media_type', message);
export const rateLimited = (message: string, retryAfterSeconds?: number) =>
  Object.assign(new AppError(429, 'rate_limited', message), { retryAfterSeconds });
/** 503: a dependency (database, Redis) is unreachable or too slow; the client may try again shortly. */
export const serviceUnavailable = (
  message = 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
) => new AppError(503, 'service_unavailable', message);
