import type { Subject } from '@affluents/contracts';

/** The signed-in account as the edges see it (feature modules load more when they need it). */
export interface SessionUser {
  id: string;
  /** The name others see (on carets, in presence). */
  displayName: string;
}

/**
 * A valid sign-in session as the SessionResolver (identity/) gives it: what the guard attaches to each
 * request that came with one, and what the socket and document revalidations re-read.
 */
export interface AuthContext {
  sessionId: string;
  user: SessionUser;
  /** The user as the authorization policy sees them. */
  subject: Subject;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}
