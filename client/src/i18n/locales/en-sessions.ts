import type { Messages } from './fr';
import type { frSessions } from './fr-sessions';

export const enSessions: Messages<typeof frSessions> = {};
