import type { Messages } from './fr';
import type { frDiscussions } from './fr-discussions';

export const enDiscussions: Messages<typeof frDiscussions> = {};
