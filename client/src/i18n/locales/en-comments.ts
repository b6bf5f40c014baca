import type { Messages } from './fr';
import type { frComments } from './fr-comments';

export const enComments: Messages<typeof frComments> = {};
