import { z } from 'zod';
import { FreeText } from './common';

/** The server's VAPID public key (base64url, uncompressed P-256 point), for `pushManager.subscribe`. */
export const PushPublicKey = z.object({ publicKey: z.string() });
export type PushPublicKey = z.infer<typeof PushPublicKey>;

/** A base64url string of a browser's push subscription key, checked in length by the server. */
const Base64Url = (field: string, max: number) =>
  FreeText()
    .max(max, { message: `${field} : clé trop longue` })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: `${field} : clé invalide (base64url attendu)` });

/**
 * `PUT /api/me/push-subscription`: this browser's push subscription (`PushSubscription.toJSON()`), tied to
 * the signed-in session; the server checks that the endpoint is an https address of a push service.
 */
export const PushSubscriptionInput = z
  .object({
    endpoint: FreeText().max(1000, { message: 'Adresse du service de notification trop longue' }),
    keys: z
      .object({
        p256dh: Base64Url('p256dh', 200),
        auth: Base64Url('auth', 50),
      })
      .strict(),
    /** A short name of the device, shown to its owner (« Chrome sur Android »). */
    label: FreeText().trim().max(80).optional(),
  })
  .strict();
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

/** `DELETE /api/me/push-subscription`: the endpoint of this browser's subscription. */
export const PushSubscriptionRemoval = z
  .object({ endpoint: FreeText().max(1000, { message: 'Adresse du service de notification trop longue' }) })
  .strict();
export type PushSubscriptionRemoval = z.infer<typeof PushSubscriptionRemoval>;

/**
 * The data of one Web Push message, as the service worker reads it (`client/public/push-sw.js`): small
 * (a push service takes 4 kB at most), in the recipient's language (French).
 */
export const PushMessage = z.object({
  title: z.string(),
  body: z.string(),
  /** Where a click leads, as an application path. */
  link: z.string(),
  /** Replaces an earlier notification of the same tag on the device (one per notification id). */
  tag: z.string(),
});
export type PushMessage = z.infer<typeof PushMessage>;
