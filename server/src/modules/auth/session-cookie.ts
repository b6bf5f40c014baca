import type { Response } from 'express';
import type { AppConfig } from '../../config/app-config';

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
    maxAge: config.session.ttlDays * 24 * 60 * 60 * 1000,
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
