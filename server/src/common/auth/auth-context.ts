import type { Subject } from '@affluents/contracts';
import type { UserEntity } from '../../modules/users/user.entity';

/** What the session guard attaches to each request when a valid session cookie came with it. */
export interface AuthContext {
  user: UserEntity;
  sessionId: string;
  /** The user as the authorization policy sees them. */
  subject: Subject;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}
