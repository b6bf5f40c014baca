import { Inject, Injectable } from '@nestjs/common';
import { readCookie } from '../collab/collab-auth';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionService } from '../modules/auth/session.service';
import type { IoSocket } from './socket-data';

/** A refused handshake: the client's `connect_error` carries the message and `data`. */
function refusal(status: 401 | 403 | 503, code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { status, code } });
}

/**
 * Socket.IO middleware authenticating each connection: the Origin against the allow-list (no Origin: a
 * non-browser client, which carries no ambient cookie), then the session cookie.
 */
@Injectable()
export class HandshakeAuth {
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.allowedOrigins = new Set(config.allowedOrigins);
  }

  readonly middleware = (socket: IoSocket, next: (err?: Error) => void): void => {
    this.authenticate(socket).then(
      () => next(),
      (err: Error) => next(err),
    );
  };

  private async authenticate(socket: IoSocket): Promise<void> {
    const { origin, cookie } = socket.handshake.headers;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      throw refusal(403, 'forbidden', 'Origine non autorisée');
    }
    const token = readCookie(cookie, this.config.session.cookieName);
    if (!token || token.length >= 200) throw refusal(401, 'unauthenticated', 'Connexion requise');
    let session: Awaited<ReturnType<SessionService['resolve']>>;
    try {
      session = await this.sessions.resolve(token);
    } catch {
      throw refusal(503, 'service_unavailable', 'Service momentanément indisponible');
    }
    if (!session) throw refusal(401, 'unauthenticated', 'Session expirée: reconnectez-vous');
    socket.data.userId = session.user.id;
    socket.data.displayName = session.user.displayName;
    socket.data.subject = session.subject;
    socket.data.sessionToken = token;
    socket.data.presenceScopes = new Set();
  }
}
