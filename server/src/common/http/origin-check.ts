import type { NextFunction, Request, Response } from 'express';
import { originAllowed } from '../../identity/session-rules';
import { requestId } from './request-id';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
