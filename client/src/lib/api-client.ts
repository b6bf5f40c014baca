import {
  ApiError,
  type ErrorCode,
  type FieldError,
  type FileResponse,
  type HttpRoute,
  type RouteInput,
  type RouteResult,
  routeUrl,
} from '@affluents/contracts';

/** Codes the client adds for failures that never reached the API. */
export type ClientErrorCode = ErrorCode | 'network_error';

/** Every failed API call rejects with this error, carrying the server's `ApiError` body. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;
  /** From the `Retry-After` header of a 429 or 503: how long to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    body: {
      status: number;
      code: ClientErrorCode;
      message: string;
      fieldErrors?: FieldError[];
      requestId?: string;
    },
    retryAfterSeconds?: number,
  ) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = body.status;
    this.code = body.code;
    this.fieldErrors = body.fieldErrors ?? [];
    this.requestId = body.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Field errors keyed by path, in the shape react-aria `Form validationErrors` expects. */
  get fieldErrorMap(): Record<string, string[]> {
    const map: Record<string, string[]> = {};
    for (const { path, message } of this.fieldErrors) {
      map[path] = [...(map[path] ?? []), message];
    }
    return map;
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'service_unavailable',
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Calls the Affluents API on the same origin at `path` (built by `call` from a declared route) with the session cookie and JSON bodies.
 * Resolves with the parsed body (undefined for 204) or rejects with an `ApiRequestError`.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError({ status: 0, code: 'network_error', message: 'Network error' });
  }

  const payload = response.status === 204 ? undefined : await readJson(response);
  if (response.ok) return payload as T;
  throw apiErrorOf({
    status: response.status,
    statusText: response.statusText,
    payload,
    retryAfter: response.headers.get('retry-after'),
  });
}

/**
 * The error a failed answer stands for: the server's `ApiError` body when it sent one (its French message
 * kept), else a code from the status. Shared by `apiRequest` and the requests fetch cannot make (uploads
 * with progress go through XMLHttpRequest).
 */
export function apiErrorOf(answer: {
  status: number;
  statusText?: string;
  payload: unknown;
  retryAfter?: string | null;
}): ApiRequestError {
  const { status, statusText, payload } = answer;
  const parsed = ApiError.safeParse(payload);
  const retryAfter = Number(answer.retryAfter);
  if (parsed.success)
    return new ApiRequestError(parsed.data, retryAfter > 0 ? Math.ceil(retryAfter) : undefined);
  return new ApiRequestError({
    status,
    code: codeByStatus[status] ?? 'internal_error',
    message: statusText || `HTTP ${status}`,
  });
}

/** A route that answers JSON or nothing (a file route is opened by the browser through `hrefOf`). */
type JsonRoute = HttpRoute & { response?: Exclude<HttpRoute['response'], FileResponse> };
type CallInput<R extends HttpRoute> = RouteInput<R> & { signal?: AbortSignal };
// The input may be left out only when nothing in it is required.
type CallArgs<R extends HttpRoute> =
  Record<never, never> extends RouteInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

/**
 * Calls a route declared in the contracts (`routes.polls.vote`, ...) with its path parameters, query and
 * body, typed from the route's schemas; resolves with its typed answer or rejects with an `ApiRequestError`.
 */
export function call<R extends JsonRoute>(route: R, ...[input]: CallArgs<R>): Promise<RouteResult<R>> {
  return apiRequest<RouteResult<R>>(routeUrl(route, input), {
    method: route.method.toUpperCase() as RequestOptions['method'],
    body: input?.body,
    signal: input?.signal,
  });
}

/** The URL of a declared route, for a link or a download the browser makes with the session cookie. */
export function hrefOf<R extends HttpRoute>(route: R, ...[input]: CallArgs<R>): string {
  return routeUrl(route, input);
}
