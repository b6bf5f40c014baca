import type { Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { sessionTtlMs } from './session-rules';

/**
 * Reads one cookie from a raw Cookie header: the one cookie reader of the session, for HTTP requests
 * and websocket upgrades alike (an upgrade does not go through cookie-parser). The first occurrence
 * wins; a value that does not URL-decode counts as absent.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Sets the session cookie: httpOnly so scripts cannot read it, SameSite=Lax so other sites cannot
 * send it with their forms while links from emails still arrive signed in, Secure behind HTTPS.
 */
export function setSessionCookie(response: Response, config: AppConfig, token: string): void {
  response.cookie(config.session.cookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.session.cookieSecure,
    path: '/',
    maxAge: sessionTtlMs(config.session.ttlDays),
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(response: Response, config: AppConfig): void {
  response.clearCookie(config.session.cookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.session.cookieSecure,
    path: '/',
  });
}
