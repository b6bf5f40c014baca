import type { PushSubscriptionInput } from '@affluents/contracts';

/**
 * This browser's Web Push subscription, through the browser's own APIs (service worker registration,
 * PushManager, Notification permission). The service worker that shows the messages is the app's
 * (vite.config.ts imports public/push-sw.js).
 */

/** Where this device stands: cannot receive, blocked by the person, or subscribed or not. */
export type PushDeviceState = 'unsupported' | 'denied' | 'off' | 'on';

/** True when this browser can receive Web Push (on iPhone: only the app added to the home screen). */
export function pushSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof window !== 'undefined' &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** The app's service worker registration, when one is active (built app only, not the dev server). */
async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  try {
    return await navigator.serviceWorker.getRegistration();
  } catch {
    return undefined;
  }
}

/** This browser's current subscription, when it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const reg = await registration();
  return reg ? reg.pushManager.getSubscription() : null;
}

/** Where this device stands now, without asking the person anything. */
export async function deviceState(): Promise<{
  state: PushDeviceState;
  subscription: PushSubscription | null;
}> {
  if (!pushSupported()) return { state: 'unsupported', subscription: null };
  if (Notification.permission === 'denied') return { state: 'denied', subscription: null };
  const reg = await registration();
  if (!reg) return { state: 'unsupported', subscription: null };
  const subscription = await reg.pushManager.getSubscription();
  return {
    state: subscription && Notification.permission === 'granted' ? 'on' : 'off',
    subscription: Notification.permission === 'granted' ? subscription : null,
  };
}

/** The bytes of a base64url string (the server's VAPID public key). */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameBytes(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

/** Why subscribing stopped before reaching the server. */
export type SubscribeRefusal = 'unsupported' | 'denied' | 'dismissed';

/**
 * Asks the person's permission (the browser's prompt, once), then subscribes this browser with the
 * server's key; an older subscription made with another key is replaced. Resolves with the subscription,
 * or the reason it was not made.
 */
export async function subscribeDevice(
  publicKey: string,
): Promise<{ subscription: PushSubscription } | { refused: SubscribeRefusal }> {
  if (!pushSupported()) return { refused: 'unsupported' };
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return { refused: 'denied' };
  if (permission !== 'granted') return { refused: 'dismissed' };
  const reg = await registration();
  if (!reg) return { refused: 'unsupported' };
  const key = base64UrlToBytes(publicKey);
  const existing = await reg.pushManager.getSubscription();
  if (existing && sameBytes(existing.options.applicationServerKey, key)) return { subscription: existing };
  await existing?.unsubscribe();
  const subscription = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  return { subscription };
}

/** What the server stores of a subscription: its endpoint and keys (nothing else of `toJSON()`). */
export function subscriptionBody(subscription: PushSubscription, label: string): PushSubscriptionInput {
  const { endpoint, keys } = subscription.toJSON();
  return {
    endpoint: endpoint ?? subscription.endpoint,
    keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' },
    label,
  };
}

/** The browser and system of a user agent, for the device's label (« Firefox sur Android »). */
export function deviceParts(userAgent: string): { browser: string; system: string | null } {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Web';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return { browser, system };
}

/**
 * Drops this browser's subscription (at sign-out: the server forgot it with the session, and the next
 * person signing in here must choose for themselves). Never throws.
 */
export async function forgetDeviceSubscription(): Promise<void> {
  try {
    await (await currentSubscription())?.unsubscribe();
  } catch {
    // Nothing to drop, or the browser refuses: the server no longer sends to it anyway.
  }
}
