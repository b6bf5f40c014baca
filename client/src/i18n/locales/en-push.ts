import type { Messages } from './fr';
import type { frPush } from './fr-push';

/** English strings of Web Push on this device (same keys as the French file). */
export const enPush: Messages<typeof frPush> = {
  title: 'Notifications on this device',
  help: 'The notifications you choose to get on your devices show on this phone or computer, even when Affluents is closed.',
  on: 'On for this device.',
  off: 'Off for this device.',
  enable: 'Turn on for this device',
  disable: 'Turn off for this device',
  enabled: 'Notifications will show on this device.',
  disabled: 'This device will no longer get notifications.',
  unsupported:
    'This browser cannot receive notifications from Affluents. On an iPhone or iPad, first add Affluents to the home screen (Share, then “Add to Home Screen”) and open it from there.',
  denied:
    'Notifications are blocked for Affluents in this browser. Allow them in the site settings (icon left of the address), then try again.',
  dismissed: 'You did not allow notifications. Try again and choose “Allow”.',
  failed: 'Subscribing this device failed. Try again in a moment.',
  deviceLabel: '{{browser}} on {{system}}',
};
