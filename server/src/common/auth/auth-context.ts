import type { ResolvedSession } from '../../identity/session-resolver';

/**
 * What the session guard attaches to each request when a valid session cookie came with it: the
 * session id, the user (id and display name) and the user as the authorization policy sees them.
 */
export type AuthContext = ResolvedSession;

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}
