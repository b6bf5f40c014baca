import type { Messages } from './fr';
import type { frLive } from './fr-live';

export const enLive: Messages<typeof frLive> = {};
