import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { type SessionRefusal, SessionResolver } from '../identity/session-resolver';
import { type DocAccess, DocAccessRegistry } from './doc-access-registry';

/** Path under which the document websockets live; the provider appends the document name. */
export const COLLAB_PATH = '/collab/';

/** `<prefix>:<id>`, e.g. `fiche:6f1c...`: what every document name looks like. */
const DOC_NAME = /^[a-z][a-z0-9-]*:[A-Za-z0-9._~:-]{1,160}$/;

/** The verdict on an upgrade request: a connection to open, or an HTTP refusal. */
export type UpgradeDecision =
  | { ok: true; docName: string; access: DocAccess; userId: string; displayName: string; token: string }
  | { ok: false; status: 400 | 401 | 403 | 503; reason: string; docName?: string };

/** The HTTP refusal of an upgrade for each reason the session resolver gives. */
const REFUSALS: Record<SessionRefusal, { status: 401 | 403 | 503; reason: string }> = {
  origin: { status: 403, reason: 'origin not allowed' },
  'no-session': { status: 401, reason: 'no session' },
  'session-ended': { status: 401, reason: 'invalid session' },
  unavailable: { status: 503, reason: 'authorisation unavailable' },
};

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
 * Authorises a document upgrade before any byte of the document is sent: the document name, then the
 * Origin and the session cookie through the SessionResolver (no Origin: a non-browser client, which
 * carries no ambient cookie), then the access resolver registered for the document's prefix.
 */
@Injectable()
export class CollabAuth {
  constructor(
    private readonly sessions: SessionResolver,
    private readonly access: DocAccessRegistry,
  ) {}

  /** Decides whether the upgrade request may open its document, and with which access. */
  async authorize(request: IncomingMessage): Promise<UpgradeDecision> {
    const docName = docNameOf(request.url);
    if (!docName) return { ok: false, status: 400, reason: 'invalid document name' };
    const attempt = await this.sessions.authenticate(request.headers);
    if (!attempt.ok) return { ok: false, ...REFUSALS[attempt.refusal], docName };
    const { session, token } = attempt;
    let access: DocAccess | null;
    try {
      access = await this.access.resolve(docName, session.subject);
    } catch {
      return { ok: false, ...REFUSALS.unavailable, docName };
    }
    if (!access) return { ok: false, status: 403, reason: 'no access to document', docName };
    return {
      ok: true,
      docName,
      access,
      userId: session.user.id,
      displayName: session.user.displayName,
      token,
    };
  }
}
