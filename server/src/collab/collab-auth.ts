import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionService, type SessionSubject } from '../modules/auth/session.service';
import { type DocAccess, DocAccessRegistry } from './doc-access-registry';

/** Path under which the document websockets live; the provider appends the document name. */
export const COLLAB_PATH = '/collab/';

/** `<prefix>:<id>`, e.g. `fiche:6f1c...`: what every document name looks like. */
const DOC_NAME = /^[a-z][a-z0-9-]*:[A-Za-z0-9._~:-]{1,160}$/;

/** The verdict on an upgrade request: a connection to open, or an HTTP refusal. */
export type UpgradeDecision =
  | { ok: true; docName: string; access: DocAccess; userId: string; displayName: string; token: string }
  | { ok: false; status: 400 | 401 | 403 | 503; reason: string; docName?: string };

/** Reads one cookie from a raw Cookie header (the upgrade request does not go through cookie-parser). */
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

/** The document name of an upgrade URL under /collab/, or null when the path is not one. */
export function docNameOf(url: string | undefined): string | null {
  if (!url?.startsWith(COLLAB_PATH)) return null;
  const path = url.split('?')[0].slice(COLLAB_PATH.length);
  try {
    const name = decodeURIComponent(path);
    return DOC_NAME.test(name) ? name : null;
  } catch {
    return null;
  }
}

/**
 * Authorises a document upgrade before any byte of the document is sent: the Origin against the
 * allow-list (no Origin: a non-browser client, which carries no ambient cookie), the session cookie,
 * then the access resolver registered for the document's prefix.
 */
@Injectable()
export class CollabAuth {
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly sessions: SessionService,
    private readonly access: DocAccessRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.allowedOrigins = new Set(config.allowedOrigins);
  }

  /** Decides whether the upgrade request may open its document, and with which access. */
  async authorize(request: IncomingMessage): Promise<UpgradeDecision> {
    const docName = docNameOf(request.url);
    if (!docName) return { ok: false, status: 400, reason: 'invalid document name' };
    const origin = request.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      return { ok: false, status: 403, reason: 'origin not allowed', docName };
    }
    const token = readCookie(request.headers.cookie, this.config.session.cookieName);
    if (!token || token.length >= 200) return { ok: false, status: 401, reason: 'no session', docName };
    let session: SessionSubject | null;
    let access: DocAccess | null;
    try {
      session = await this.sessions.resolveSubject(token);
      if (!session) return { ok: false, status: 401, reason: 'invalid session', docName };
      access = await this.access.resolve(docName, session.subject);
    } catch {
      return { ok: false, status: 503, reason: 'authorisation unavailable', docName };
    }
    if (!access) return { ok: false, status: 403, reason: 'no access to document', docName };
    return {
      ok: true,
      docName,
      access,
      userId: session.subject.userId,
      displayName: session.displayName,
      token,
    };
  }
}
