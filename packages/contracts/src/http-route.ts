import type { z } from 'zod';
import type { Action } from './policy';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** An answer that is not JSON: bytes of a media type (a PDF, an iCalendar file, a stored file), streamed. */
export interface FileResponse {
  kind: 'file';
  /** The media type, or `*\/*` when it is the stored file's own. */
  mediaType: string;
}

/**
 * Who may call a route: anyone (`public`; the session is still read when sent), anyone signed in
 * (`signed-in`; the service applies the policy when the group is known only from a row or the body), or
 * the signed-in users whom the shared policy allows `allow`, on the group named by the `groupParam`
 * path parameter when given.
 */
export type RouteAccess = 'public' | 'signed-in' | { allow: Action; groupParam?: string };

/**
 * One HTTP route, declared once: the server binds its controller method to it (`@Route`), the OpenAPI
 * document is generated from it, and the client calls it through `call()`.
 */
export interface HttpRoute {
  method: HttpMethod;
  /** Express-style path with the `/api` prefix, parameters as `:name` (`/api/polls/:id/votes`). */
  path: string;
  /** One line in French, shown in the OpenAPI document. */
  summary: string;
  /** The OpenAPI tag (the feature, in French). */
  tag: string;
  access: RouteAccess;
  /** A public route that never reads the session (the health check must not wait on the database). */
  ignoresSession?: true;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Media type of the body: JSON unless said (an upload is `multipart/form-data`, read as a stream). */
  bodyType?: 'multipart/form-data';
  /** The success status; 200 unless said. */
  status?: number;
  /** JSON of this schema, a file, or nothing (no content). */
  response?: z.ZodType | FileResponse;
  /** Error statuses the route may answer, each with an `ApiError` body. */
  errors: readonly number[];
}

/** Declares a route, keeping its exact schema types for the typed client and the server binding. */
export function route<const R extends HttpRoute>(declaration: R): R {
  return declaration;
}

type Part<K extends string, T> = Record<never, never> extends T ? { [k in K]?: T } : { [k in K]: T };

/** What a caller sends to a route: path parameters, query and body, as the schemas' inputs. */
export type RouteInput<R extends HttpRoute> = (R['params'] extends z.ZodObject
  ? Part<'params', z.input<R['params']>>
  : { params?: undefined }) &
  (R['query'] extends z.ZodObject ? Part<'query', z.input<R['query']>> : { query?: undefined }) &
  (R['body'] extends z.ZodType
    ? R['bodyType'] extends 'multipart/form-data'
      ? { body?: undefined }
      : Part<'body', z.input<R['body']>>
    : { body?: undefined });

/** What a JSON route answers (the response schema's output), or void when it answers no content. */
export type RouteResult<R extends HttpRoute> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : R['response'] extends FileResponse
    ? never
    : undefined;

/** The route's path with its parameters filled in (each URI-encoded) and its query string. */
export function routeUrl(
  declaration: HttpRoute,
  input: { params?: Record<string, unknown>; query?: Record<string, unknown> } = {},
): string {
  const path = declaration.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined || value === null) {
      throw new Error(`${declaration.method} ${declaration.path}: missing path parameter ${name}`);
    }
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {})) {
    // An empty filter is the same as none: the server's optional fields see no key.
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** `/api/polls/:id` as OpenAPI writes it: `/api/polls/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}
