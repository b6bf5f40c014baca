import type { Messages } from './fr';
import type { frPolls } from './fr-polls';

export const enPolls: Messages<typeof frPolls> = {};
