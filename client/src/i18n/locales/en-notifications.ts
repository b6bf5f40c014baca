import type { Messages } from './fr';
import type { frNotifications } from './fr-notifications';

export const enNotifications: Messages<typeof frNotifications> = {};
