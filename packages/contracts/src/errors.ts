import { z } from 'zod';

/** Machine-readable error codes shared by every HTTP route (and later socket acks). */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'internal_error',
  'service_unavailable',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One invalid input field: a dotted path into the payload and a human message. */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** The single error body every route returns. */
export const ApiError = z.object({
  status: z.number().int(),
  code: ErrorCode,
  message: z.string(),
  fieldErrors: z.array(FieldError).optional(),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;
