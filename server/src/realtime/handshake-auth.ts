import { Injectable } from '@nestjs/common';
import { type SessionRefusal, SessionResolver } from '../identity/session-resolver';
import type { IoSocket } from './socket-data';

/** The answer to each refusal: the client's `connect_error` carries the message and `data`. */
const REFUSALS: Record<SessionRefusal, { status: 401 | 403 | 503; code: string; message: string }> = {
  origin: { status: 403, code: 'forbidden', message: 'Origine non autorisée' },
  'no-session': { status: 401, code: 'unauthenticated', message: 'Connexion requise' },
  'session-ended': { status: 401, code: 'unauthenticated', message: 'Session expirée: reconnectez-vous' },
  unavailable: { status: 503, code: 'service_unavailable', message: 'Service momentanément indisponible' },
};

function refusal(reason: SessionRefusal): Error {
  const { status, code, message } = REFUSALS[reason];
  return Object.assign(new Error(message), { data: { status, code } });
}

/**
 * Socket.IO middleware authenticating each connection through the SessionResolver: the Origin against
 * the allow-list (no Origin: a non-browser client, which carries no ambient cookie), then the session
 * cookie.
 */
@Injectable()
export class HandshakeAuth {
  constructor(private readonly sessions: SessionResolver) {}

  readonly middleware = (socket: IoSocket, next: (err?: Error) => void): void => {
    this.authenticate(socket).then(
      () => next(),
      (err: Error) => next(err),
    );
  };

  private async authenticate(socket: IoSocket): Promise<void> {
    const { origin, cookie } = socket.handshake.headers;
    const attempt = await this.sessions.authenticate({ origin, cookie });
    if (!attempt.ok) throw refusal(attempt.refusal);
    const { session, token } = attempt;
    socket.data.userId = session.user.id;
    socket.data.displayName = session.user.displayName;
    socket.data.subject = session.subject;
    socket.data.sessionToken = token;
    socket.data.presenceScopes = new Set();
  }
}
