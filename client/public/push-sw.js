/*
 * Web Push in the app's service worker: imported by the one vite-plugin-pwa builds (vite.config.ts,
 * `workbox.importScripts`). The server sends a small JSON message (PushMessage in packages/contracts:
 * title, body, link, tag) for each notification the member chose to get on their devices.
 */
/* global self, clients */

/** The application path a notification leads to, kept on this origin. */
function linkOf(data) {
  try {
    const url = new URL(data && typeof data.link === 'string' ? data.link : '/', self.location.origin);
    return url.origin === self.location.origin ? url.href : new URL('/', self.location.origin).href;
  } catch {
    return new URL('/', self.location.origin).href;
  }
}

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data?.text() ?? '' };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || 'Affluents', {
      body: message.body || '',
      icon: '/icon-192.png',
      lang: 'fr-BE',
      tag: message.tag || undefined,
      data: { link: linkOf(message) },
    }),
  );
});

// A tap on the notification: the app's window already showing the page comes forward; otherwise an open
// window of the app goes to the page, or a new one opens on it.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = linkOf(event.notification.data);
  event.waitUntil(
    (async () => {
      const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
      const same = windows.find((w) => w.url === link);
      if (same) return same.focus();
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        const focused = await open.focus();
        try {
          return await focused.navigate(link);
        } catch {
          // A window this worker does not control cannot be sent elsewhere: open the page beside it.
        }
      }
      return clients.openWindow(link);
    })(),
  );
});

// The browser replaced the subscription (keys renewed): the new one is sent to the server with the
// session's cookie; the old endpoint answers 410 at the next send and the server forgets it.
self.addEventListener('pushsubscriptionchange', (event) => {
  const options = event.oldSubscription?.options;
  if (!options) return;
  event.waitUntil(
    (async () => {
      const subscription = await self.registration.pushManager.subscribe(options);
      const { endpoint, keys } = subscription.toJSON();
      await fetch('/api/me/push-subscription', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } }),
      });
    })(),
  );
});
