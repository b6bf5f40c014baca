import type { NextFunction, Request, Response } from 'express';
import { requestId } from './request-id';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one Origin check, of HTTP calls and websocket upgrades alike: true when a request with this
 * Origin may use the ambient session cookie, that is an Origin in the allow-list, or none at all (a
 * non-browser client, which carries no ambient cookie; browsers always send one on cross-site writes
 * and on websocket upgrades).
 */
export function originAllowed(origin: string | undefined, allowedOrigins: ReadonlySet<string>): boolean {
  return origin === undefined || origin === '' || allowedOrigins.has(origin);
}

/**
 * Refuses state-changing API calls whose Origin header names a site outside the allow-list: a second
 * line behind the SameSite cookie against cross-site request forgery. Requests without Origin
 * (curl, server-to-server) are let through; they carry no ambient browser cookie.
 */
export function originCheck(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return (request: Request, response: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(request.method) || originAllowed(request.get('origin'), allowed)) return next();
    response.status(403).json({
      status: 403,
      code: 'forbidden',
      message: 'Origine non autorisée',
      requestId: String(request.id ?? requestId(request, response)),
    });
  };
}
