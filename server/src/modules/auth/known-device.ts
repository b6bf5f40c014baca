import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Response } from 'express';
import type { AppConfig } from '../../config/app-config';

/** Name of the cookie that marks a browser where an account signed in before (OWASP "device cookies"). */
export const KNOWN_DEVICE_COOKIE = 'affluents_device';
/** A shared computer remembers this many accounts; the oldest sign-in is forgotten first. */
const MAX_ACCOUNTS_PER_DEVICE = 5;
const MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** What a device entry is signed with: the account's id and its password hash (secret to the server). */
export interface DeviceAccount {
  id: string;
  passwordHash: string;
}

// The password hash holds a random salt and the derived key, known only to the server: signing with it
// needs no new shared secret between nodes, and a password change makes every earlier entry invalid.
function sign(account: DeviceAccount, deviceId: string): string {
  return createHmac('sha256', account.passwordHash)
    .update(`known-device|${account.id}|${deviceId}`)
    .digest('base64url');
}

function entries(cookie: unknown): Array<{ deviceId: string; mac: string }> {
  if (typeof cookie !== 'string' || cookie.length > 1000) return [];
  return cookie
    .split('~')
    .slice(0, MAX_ACCOUNTS_PER_DEVICE)
    .map((entry) => entry.split('.'))
    .filter((parts) => parts.length === 2 && /^[\w-]{22}$/.test(parts[0]) && /^[\w-]{43}$/.test(parts[1]))
    .map(([deviceId, mac]) => ({ deviceId, mac }));
}

/** The id of this browser for `account` if its cookie holds a valid entry signed for that account, else null. */
export function knownDeviceId(cookie: unknown, account: DeviceAccount | null): string | null {
  if (!account) return null;
  for (const { deviceId, mac } of entries(cookie)) {
    const expected = Buffer.from(sign(account, deviceId));
    if (timingSafeEqual(expected, Buffer.from(mac))) return deviceId;
  }
  return null;
}

/**
 * The cookie's value after a successful sign-in: a fresh entry for this account first (a new id each time,
 * so that failures made with a stolen copy stop counting against the owner's browser once it signs in
 * again), then the other accounts' entries.
 */
export function nextKnownDeviceCookie(cookie: unknown, account: DeviceAccount): string {
  const current = knownDeviceId(cookie, account);
  const others = entries(cookie).filter((entry) => entry.deviceId !== current);
  const deviceId = randomBytes(16).toString('base64url');
  return [{ deviceId, mac: sign(account, deviceId) }, ...others]
    .slice(0, MAX_ACCOUNTS_PER_DEVICE)
    .map((entry) => `${entry.deviceId}.${entry.mac}`)
    .join('~');
}

/** Sets the known-device cookie: httpOnly, sent only to the sign-in routes (login, reset confirmation), kept a year. */
export function setKnownDeviceCookie(response: Response, config: AppConfig, value: string): void {
  response.cookie(KNOWN_DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.session.cookieSecure,
    path: '/api/auth',
    maxAge: MAX_AGE_MS,
  });
}
